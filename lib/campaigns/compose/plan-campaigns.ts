import { optOutUrl } from "@/lib/consent/opt-out-link";
import { AppError } from "@/lib/errors";
import { linkShortening, shortenForRecipient } from "@/lib/links/link-codes";
import { withExampleShortLinks } from "@/lib/links/short-link";
import { type AudienceStats, audienceStats, MAX_MESSAGE_CHARACTERS } from "@/lib/messages/audience-stats";
import {
  combineStats,
  type MessageTranslation,
  type MessageVersions,
  splitByVersion,
} from "@/lib/messages/message-versions";
import { type FooterLanguage, optOutWarning, withOptOutFooter } from "@/lib/messages/opt-out-footer";
import { renderMessage } from "@/lib/messages/render-message";
import { hasBlockingIssues, validateTemplate } from "@/lib/messages/validate-template";
import { drawOfferCodes } from "@/lib/offers/draw-codes";
import { offerMergeValues } from "@/lib/offers/offer-link";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { senderProblemMessage } from "@/lib/providers/sender-rules";
import type { ProviderName } from "@/lib/sms/types";
import type { OfferChoice } from "@/lib/validation/compose";
import type { CampaignRecipient } from "../create-campaign";
import { type ProviderRoutes, splitByProvider } from "../route-provider";
import type { Recipient } from "./resolve-recipients";

export type MessageChoice = {
  message: string;
  category: "marketing" | "transactional";
  optOutFooter: boolean;
  /** The language `message` is written in (and its footer's). */
  footerLanguage: FooterLanguage;
  /** The same message in other languages: each guest whose language has one gets it. */
  translations?: readonly MessageTranslation[];
  provider: ProviderName | "auto";
  /** Empty = the provider's default sender. */
  sender: string;
  /** A promotion's offer: every guest's text gets its own `{offer_code}` (drawn here, stored with the messages). */
  offer?: OfferChoice | null;
  /** "Shorten and track links": each link becomes the guest's own short link (promotions only). */
  trackLinks?: boolean;
};

export type ProviderPlan = {
  provider: ProviderName;
  sender: string | null;
  recipients: CampaignRecipient[];
  stats: AudienceStats<Recipient & { restaurant: string; optOutUrl: string | null }>;
};

/** Whether this send's links go out as short links: asked for, and a promotion. */
export function tracksLinks(choice: Pick<MessageChoice, "trackLinks" | "category">): boolean {
  return choice.trackLinks === true && choice.category === "marketing";
}

/** The versions a choice carries: the main text and its translations. */
export function versionsOf(choice: MessageChoice): MessageVersions {
  return { language: choice.footerLanguage, message: choice.message, translations: choice.translations ?? [] };
}

/**
 * Turns a checked audience and a message into one send per provider: routes each number, settles the sender
 * by that provider's rules, and renders every guest's own text (their language's version, merge fields, opt-out
 * link). Refuses, before anything is written, a message that can't be sent as it stands, in any version.
 */
export function planCampaigns(
  audience: readonly Recipient[],
  choice: MessageChoice,
  context: { restaurantName: string; defaultSenders: Record<ProviderName, string | null>; routes: ProviderRoutes },
): ProviderPlan[] {
  const versions = versionsOf(choice);
  checkVersions(versions, choice);
  if (audience.length === 0) throw new AppError("INVALID_INPUT", "Compose.errors.noOneLeft");
  const codes = choice.offer ? drawOfferCodes(audience.length) : [];
  const codeOf = new Map(audience.map((r, i) => [r, codes[i]]));

  // Counted with a short link of the real length in place of each link: every guest's is exactly that long.
  const shortening = tracksLinks(choice) ? linkShortening() : null;
  const plans: ProviderPlan[] = [];
  for (const [provider, recipients] of splitByProvider(audience, choice.provider, context.routes)) {
    const sender = choice.sender.trim() || context.defaultSenders[provider];
    const label = PROVIDER_LABELS[provider];
    // No sender: the account's own default at the provider (smsapp.pk then sends 50 per bulk call).
    if (sender) {
      const problem = senderProblemMessage(provider, sender);
      if (problem)
        throw new AppError("INVALID_INPUT", "Compose.errors.senderRefused", { sender, provider: label, problem });
    }
    const allTexts = [versions.message, ...versions.translations.map((v) => v.message)].join("\n");
    const values = recipients.map((r) => ({
      ...r,
      restaurant: context.restaurantName,
      optOutUrl: r.optOutToken ? optOutUrl(r.optOutToken) : null,
      code: codeOf.get(r),
      ...offerMergeValues(codeOf.get(r), allTexts),
    }));
    const parts = splitByVersion(values, versions).map((version) => ({
      version,
      stats: audienceStats(
        withOptOutFooter(withExampleShortLinks(version.message, shortening), choice.optOutFooter, version.language),
        version.recipients,
        {
          provider,
        },
      ),
    }));
    const stats = combineStats(parts.map((p) => p.stats));
    if (stats.overLimit.count > 0) {
      const example = stats.overLimit.examples[0];
      throw new AppError("INVALID_INPUT", "Compose.errors.tooLongFor", {
        count: stats.overLimit.count,
        phone: example?.phone ?? "",
        provider: label,
        max: MAX_MESSAGE_CHARACTERS,
      });
    }
    plans.push({
      provider,
      sender: sender ?? null,
      stats,
      recipients: parts.flatMap(({ version }) =>
        version.recipients.map((v) => {
          const own = shortening ? shortenForRecipient(version.message, shortening) : null;
          return {
            phone: v.phone,
            contactId: v.contactId,
            ...(v.code ? { offerCode: v.code } : {}),
            body: renderMessage(own?.template ?? version.message, v, {
              optOutFooter: choice.optOutFooter,
              footerLanguage: version.language,
            }),
            ...(own?.links.length ? { links: own.links } : {}),
          };
        }),
      ),
    });
  }
  return plans;
}

/** Every version must be sendable as it stands, and each language written once. */
function checkVersions(versions: MessageVersions, choice: MessageChoice) {
  const languages = [versions.language, ...versions.translations.map((t) => t.language)];
  if (new Set(languages).size !== languages.length) throw new AppError("INVALID_INPUT", "Compose.errors.versionTwice");
  const empty = versions.translations.find((t) => !t.message.trim());
  if (empty) throw new AppError("INVALID_INPUT", "Compose.errors.versionEmpty", { language: empty.language });
  if (choice.offer && choice.category !== "marketing")
    throw new AppError("INVALID_INPUT", "Compose.errors.offerOnlyPromotions");
  const texts = [versions, ...versions.translations];
  for (const { message: text, language } of texts) {
    const issues = validateTemplate(text, { offer: choice.offer ? "required" : "none" });
    const missing = issues.find((i) => i.code === "offer_code_missing");
    if (missing) throw new AppError("INVALID_INPUT", "Compose.issues.offerCodeMissing", { language });
    const blocking = hasBlockingIssues(issues) ? issues.find((i) => i.severity === "error") : undefined;
    if (blocking) throw new AppError("INVALID_INPUT", `Compose.issues.${blocking.key}`, blocking.values);
    if (optOutWarning(text, choice.category, choice.optOutFooter))
      throw new AppError("INVALID_INPUT", "Compose.issues.optOutMissing");
  }
}
