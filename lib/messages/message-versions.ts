import { type GuestLocale, guestLocaleOf } from "@/lib/i18n/locales";
import type { AudienceRecipient, AudienceStats } from "./audience-stats";

/**
 * One message, written in a main language and, for a mixed audience, once more per other language guests
 * read. Each guest gets the version in their own language (their contact's), or the main one when there is
 * none in theirs. Every version carries its own opt-out footer, in its own language.
 */
export type MessageVersions = {
  /** The language the main text is written in (also its footer's language). */
  language: GuestLocale;
  message: string;
  /** At most one per language other than `language`. */
  translations: readonly MessageTranslation[];
};

export type MessageTranslation = { language: GuestLocale; message: string };

/** One version with the recipients who get it. */
export type VersionAudience<R> = { language: GuestLocale; message: string; main: boolean; recipients: R[] };

/** Which version a guest gets: their language's, else the main one. */
export function versionLanguageFor(guestLanguage: string | null | undefined, versions: MessageVersions): GuestLocale {
  const own = guestLocaleOf(guestLanguage);
  if (own && versions.translations.some((t) => t.language === own)) return own;
  return versions.language;
}

/**
 * The audience split by version, main first, then the translations in the order written. Versions nobody
 * gets are kept (with no recipients): the writer sees "0 guests" under a version rather than it vanishing.
 */
export function splitByVersion<R extends { language?: string | null }>(
  recipients: readonly R[],
  versions: MessageVersions,
): VersionAudience<R>[] {
  const out: VersionAudience<R>[] = [
    { language: versions.language, message: versions.message, main: true, recipients: [] },
    ...versions.translations.map((t) => ({ language: t.language, message: t.message, main: false, recipients: [] })),
  ];
  const byLanguage = new Map(out.map((v) => [v.language, v]));
  for (const r of recipients) byLanguage.get(versionLanguageFor(r.language, versions))!.recipients.push(r);
  return out;
}

/** The stats of several versions' audiences as one (counts, segments and cost add up; the longest wins). */
export function combineStats<R extends AudienceRecipient>(parts: readonly AudienceStats<R>[]): AudienceStats<R> {
  const counted = parts.filter((s) => s.recipients > 0);
  const costs = parts.map((s) => s.estimatedCost);
  const longest = counted
    .map((s) => s.longest)
    .reduce<AudienceStats<R>["longest"]>((best, l) => {
      if (!l) return best;
      if (!best) return l;
      const a = l.info;
      const b = best.info;
      return a.segments > b.segments || (a.segments === b.segments && a.characters > b.characters) ? l : best;
    }, null);
  return {
    recipients: parts.reduce((n, s) => n + s.recipients, 0),
    minSegments: counted.length ? Math.min(...counted.map((s) => s.minSegments)) : 0,
    maxSegments: counted.length ? Math.max(...counted.map((s) => s.maxSegments)) : 0,
    totalSegments: parts.reduce((n, s) => n + s.totalSegments, 0),
    encodings: {
      gsm: parts.reduce((n, s) => n + s.encodings.gsm, 0),
      ucs2: parts.reduce((n, s) => n + s.encodings.ucs2, 0),
    },
    longest,
    overLimit: {
      count: parts.reduce((n, s) => n + s.overLimit.count, 0),
      examples: parts.flatMap((s) => s.overLimit.examples).slice(0, 5),
    },
    // Each part is rounded to the cent already; round the sum again against float noise.
    estimatedCost: costs.some((c) => c === null)
      ? null
      : Math.round(costs.reduce<number>((n, c) => n + (c ?? 0), 0) * 100) / 100,
  };
}
