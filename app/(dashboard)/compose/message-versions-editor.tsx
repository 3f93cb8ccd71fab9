"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useMemo } from "react";
import { exampleValues } from "@/components/compose/phone-preview";
import type { SampleRecipient } from "@/components/compose/sample-recipient";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { dirOf, GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";
import { type LinkShortening, withExampleShortLinks } from "@/lib/links/short-link";
import { audienceStats } from "@/lib/messages/audience-stats";
import { type MessageTranslation, versionLanguageFor } from "@/lib/messages/message-versions";
import { OPT_OUT_FOOTERS, withOptOutFooter } from "@/lib/messages/opt-out-footer";
import type { ProviderName } from "@/lib/sms/types";

type Props = {
  /** The language the main text (the editor above) is written in. */
  language: GuestLocale;
  onLanguageChange: (language: GuestLocale) => void;
  translations: MessageTranslation[];
  onTranslationsChange: (translations: MessageTranslation[]) => void;
  /** Guests per language, exact (null before an audience is chosen), and everyone. */
  byLanguage: Partial<Record<GuestLocale, number>> | null;
  total: number;
  samples: (SampleRecipient & { language?: string | null })[] | undefined;
  optOutFooter: boolean;
  provider?: ProviderName;
  restaurantName: string;
  exampleOptOutUrl: string;
  /** Links go out as short links: each version is counted with them. */
  linkShortening: LinkShortening | null;
  disabled?: boolean;
};

/**
 * The languages of a message: which language the main text is in, and the same message written again for the
 * guests who read another (their contact's language picks it; everyone else gets the main text). Each version
 * shows who gets it and its own live count, its footer in its own language.
 */
export function MessageVersionsEditor(props: Props) {
  const t = useTranslations("Compose.versions");
  const id = useId();
  const { language, translations } = props;
  const versions = { language, message: "", translations };
  const countOf = (l: GuestLocale) => (props.byLanguage ? (props.byLanguage[l] ?? 0) : null);
  const translated = translations.reduce((n, v) => n + (countOf(v.language) ?? 0), 0);
  const mainCount = props.byLanguage ? props.total - translated : null;
  const unused = GUEST_LOCALES.filter((l) => l !== language && !translations.some((v) => v.language === l));
  const samplesFor = (l: GuestLocale) => props.samples?.filter((s) => versionLanguageFor(s.language, versions) === l);

  const update = (l: GuestLocale, message: string) =>
    props.onTranslationsChange(translations.map((v) => (v.language === l ? { ...v, message } : v)));

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border p-3" data-testid="message-versions">
      <div className="space-y-1">
        <h3 id={`${id}-title`} className="text-sm font-medium">
          {t("title")}
        </h3>
        <p className="text-xs text-muted-foreground">{t("hint")}</p>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Label htmlFor={`${id}-main`}>{t("mainLanguage")}</Label>
        <NativeSelect
          id={`${id}-main`}
          className="h-9 w-36"
          value={language}
          onChange={(e) => props.onLanguageChange(e.target.value as GuestLocale)}
          disabled={props.disabled}
        >
          {GUEST_LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </NativeSelect>
        {mainCount !== null ? (
          <span className="text-xs text-muted-foreground" data-testid="version-count-main">
            {t(translations.length ? "mainGets" : "allGet", { count: mainCount })}
          </span>
        ) : null}
      </div>

      {translations.map((version) => (
        <VersionField
          key={version.language}
          version={version}
          count={countOf(version.language)}
          onChange={(message) => update(version.language, message)}
          onRemove={() => props.onTranslationsChange(translations.filter((v) => v.language !== version.language))}
          samples={samplesFor(version.language)}
          optOutFooter={props.optOutFooter}
          provider={props.provider}
          restaurantName={props.restaurantName}
          exampleOptOutUrl={props.exampleOptOutUrl}
          linkShortening={props.linkShortening}
          disabled={props.disabled}
        />
      ))}

      {unused.length ? (
        <div className="flex flex-wrap gap-2">
          {unused.map((l) => (
            <Button
              key={l}
              type="button"
              variant="outline"
              size="sm"
              disabled={props.disabled}
              onClick={() => props.onTranslationsChange([...translations, { language: l, message: "" }])}
            >
              <Plus aria-hidden />
              {t("add", { language: t(`languages.${l}`) })}
            </Button>
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** One translation: its text (written right to left for Urdu), who gets it, and its live count. */
function VersionField(props: {
  version: MessageTranslation;
  count: number | null;
  onChange: (message: string) => void;
  onRemove: () => void;
  samples: SampleRecipient[] | undefined;
  optOutFooter: boolean;
  provider?: ProviderName;
  restaurantName: string;
  exampleOptOutUrl: string;
  linkShortening: LinkShortening | null;
  disabled?: boolean;
}) {
  const t = useTranslations("Compose.versions");
  const tCounter = useTranslations("Compose.counter");
  const id = useId();
  const { language, message } = props.version;
  const name = t(`languages.${language}`);
  const deferred = useDeferredValue(message);
  const stats = useMemo(() => {
    const recipients = (
      props.samples?.length ? props.samples : [{ id: "example", ...exampleValues(props.exampleOptOutUrl) }]
    ).map((r) => ({ ...r, restaurant: props.restaurantName }));
    const counted = withExampleShortLinks(deferred, props.linkShortening);
    return audienceStats(withOptOutFooter(counted, props.optOutFooter, language), recipients, {
      provider: props.provider,
    });
  }, [
    props.linkShortening,
    deferred,
    props.samples,
    props.exampleOptOutUrl,
    props.restaurantName,
    props.optOutFooter,
    props.provider,
    language,
  ]);
  const longest = stats.longest?.info;

  return (
    <div className="space-y-1.5" data-testid={`version-${language}`}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={`${id}-text`}>{t("versionLabel", { language: name })}</Label>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={props.onRemove}
          disabled={props.disabled}
          aria-label={t("remove", { language: name })}
        >
          <X aria-hidden />
          {t("removeShort")}
        </Button>
      </div>
      <Textarea
        id={`${id}-text`}
        lang={language}
        dir={dirOf(language)}
        value={message}
        onChange={(e) => props.onChange(e.target.value)}
        rows={4}
        disabled={props.disabled}
        aria-describedby={`${id}-count`}
        placeholder={t("placeholder", { language: name })}
      />
      <p id={`${id}-count`} className="text-xs text-muted-foreground" aria-live="polite">
        {tCounter("characters", { count: longest?.characters ?? 0 })} · {longest?.encoding ?? "GSM-7"} ·{" "}
        {tCounter("segments", { count: longest?.segments ?? 1 })}
        {props.count !== null ? ` · ${t("gets", { count: props.count, language: name })}` : ""}
        {props.optOutFooter ? ` · ${t("footer", { footer: OPT_OUT_FOOTERS[language].text.trim() })}` : ""}
      </p>
    </div>
  );
}
