import type { AppLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";
import type { ProviderError } from "@/lib/sms/errors";
import { PROVIDER_INFO } from "@/lib/sms/providers";

/**
 * A provider error's `userMessage` in the reader's language (English reads exactly as `userMessage`): the
 * catalogue's Providers.errors.<code>, with what the provider said (its own words, not translated) and the
 * "may still have gone out" warning. Our clients' own `detail` texts stay English.
 */
export async function localizedUserMessage(err: ProviderError, locale?: AppLocale): Promise<string> {
  const provider = PROVIDER_INFO[err.provider].shortLabel;
  const t = (key: string, values?: Record<string, string>) =>
    localizeMessage(`Providers.errors.${key}`, { provider, ...values }, locale);
  if (err.code === "rate_limited" && !err.retryable && err.detail) return err.detail;
  const maybeSent = err.mayHaveBeenAccepted ? await t("maybeSent") : "";
  const said = err.providerMessage
    ? await t("said", { text: clip(err.providerMessage) })
    : err.detail
      ? ` ${err.detail}`
      : "";
  if (err.code === "timeout") return t("timeout", { maybeSent: maybeSent || (await t("tryAgainSoon")) });
  return t(err.code, { said, maybeSent });
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
