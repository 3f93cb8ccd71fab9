import type { useTranslations } from "next-intl";
import { PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/** The `Providers` translator (`useTranslations("Providers")` or `await getTranslations("Providers")`). */
type ProvidersTranslator = ReturnType<typeof useTranslations<"Providers">>;

/**
 * The sender to show for a message or campaign: what the provider says it used when we know it (its answer,
 * log or history), else the sender we asked for, else the account default in words. The campaign page, history
 * and the provider histories then agree, because all of them show what the provider used. With the `Providers`
 * translator the words read in the reader's language; without it, in English.
 */
export function senderShown(
  provider: ProviderName,
  used: string | null | undefined,
  chosen: string | null | undefined,
  t?: ProvidersTranslator,
): string {
  return used || chosen || (t ? t(`info.${provider}.accountDefault`) : PROVIDER_INFO[provider].sender.accountDefault);
}

/** A campaign's sender line: the senders its messages went out under, or the one it will use. */
export function campaignSenderShown(
  provider: ProviderName,
  used: readonly string[],
  chosen: string | null,
  t?: ProvidersTranslator,
): string {
  if (used.length === 0) return senderShown(provider, null, chosen, t);
  const list = used.join(", ");
  if (chosen !== null) return list;
  return t ? t("senderShown.accountDefaultList", { list }) : `${list} (the account's default)`;
}
