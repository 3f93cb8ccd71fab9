import { mapProviders, PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/**
 * Sender names as each provider accepts them (providers.md; the rules in words are in each descriptor): CPSMS
 * takes 3–11 letters/digits or up to 15 digits (its error 1011); smsapp.pk takes up to 11 letters/digits or a
 * phone number. We allow only ASCII letters and digits in names: handsets and operators mangle anything else,
 * and CPSMS refuses it (1012).
 */
export const SENDER_RULES: Record<ProviderName, string> = mapProviders((p) => PROVIDER_INFO[p].sender.rules);

/** Why a sender can't be used with this provider, or null when it can. */
export function senderProblem(provider: ProviderName, sender: string): string | null {
  const value = sender.trim();
  if (!value) return "Enter a sender name.";
  const digits = value.replace(/^\+/, "");
  if (/^\d+$/.test(digits)) {
    return digits.length <= 15 ? null : "A numeric sender can have at most 15 digits.";
  }
  if (/\s/.test(value)) return "Sender names can't contain spaces.";
  if (!/^[A-Za-z0-9]+$/.test(value)) return "Use only the letters A–Z and digits: no accents or symbols.";
  if (value.length > 11) return `Sender names can have at most 11 characters (this one has ${value.length}).`;
  const { shortLabel, sender: rules } = PROVIDER_INFO[provider];
  if (value.length < rules.minLength)
    return `${shortLabel} needs a sender name of at least ${rules.minLength} characters.`;
  return null;
}
