import { PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/**
 * The sender to show for a message or campaign: what the provider says it used when we know it (its answer,
 * log or history), else the sender we asked for, else the account default in words. The campaign page, history
 * and the provider histories then agree, because all of them show what the provider used.
 */
export function senderShown(
  provider: ProviderName,
  used: string | null | undefined,
  chosen: string | null | undefined,
): string {
  return used || chosen || PROVIDER_INFO[provider].sender.accountDefault;
}

/** A campaign's sender line: the senders its messages went out under, or the one it will use. */
export function campaignSenderShown(provider: ProviderName, used: readonly string[], chosen: string | null): string {
  if (used.length === 0) return senderShown(provider, null, chosen);
  const list = used.join(", ");
  return chosen === null ? `${list} (the account's default)` : list;
}
