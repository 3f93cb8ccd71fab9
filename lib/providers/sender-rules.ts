import { withValues } from "@/lib/i18n/packed-message";
import { mapProviders, PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/**
 * Sender names as each provider accepts them (providers.md; the rules in words are in each descriptor): CPSMS
 * takes 3–11 letters/digits or up to 15 digits (its error 1011); smsapp.pk takes up to 11 letters/digits or a
 * phone number. We allow only ASCII letters and digits in names: handsets and operators mangle anything else,
 * and CPSMS refuses it (1012).
 */
export const SENDER_RULES: Record<ProviderName, string> = mapProviders((p) => PROVIDER_INFO[p].sender.rules);

/** Why a sender can't be used, as a key under Providers.senderProblems with its values (words where shown). */
export type SenderProblem =
  | { key: "empty" | "numericTooLong" | "spaces" | "characters" }
  | { key: "tooLong"; values: { length: number } }
  | { key: "tooShort"; values: { provider: string; min: number } };

/** Why a sender can't be used with this provider, or null when it can. */
export function senderProblemOf(provider: ProviderName, sender: string): SenderProblem | null {
  const value = sender.trim();
  if (!value) return { key: "empty" };
  const digits = value.replace(/^\+/, "");
  if (/^\d+$/.test(digits)) {
    return digits.length <= 15 ? null : { key: "numericTooLong" };
  }
  if (/\s/.test(value)) return { key: "spaces" };
  if (!/^[A-Za-z0-9]+$/.test(value)) return { key: "characters" };
  if (value.length > 11) return { key: "tooLong", values: { length: value.length } };
  const { shortLabel, sender: rules } = PROVIDER_INFO[provider];
  if (value.length < rules.minLength)
    return { key: "tooShort", values: { provider: shortLabel, min: rules.minLength } };
  return null;
}

/**
 * `senderProblemOf` as one server-side message (a catalogue key with its values, `withValues`): for a zod issue or
 * an AppError value; `localizeMessage` (so `defineAction`) reads it in the reader's language. Null when fine.
 */
export function senderProblemMessage(provider: ProviderName, sender: string): string | null {
  const problem = senderProblemOf(provider, sender);
  if (!problem) return null;
  return withValues(`Providers.senderProblems.${problem.key}`, "values" in problem ? problem.values : undefined);
}

/** @deprecated English only: use `senderProblemOf` (client) or `senderProblemMessage` (server). `senderProblemOf` in English (the same words as Providers.senderProblems in messages/en). */
export function senderProblem(provider: ProviderName, sender: string): string | null {
  const problem = senderProblemOf(provider, sender);
  if (!problem) return null;
  switch (problem.key) {
    case "empty":
      return "Enter a sender name.";
    case "numericTooLong":
      return "A numeric sender can have at most 15 digits.";
    case "spaces":
      return "Sender names can't contain spaces.";
    case "characters":
      return "Use only the letters A–Z and digits: no accents or symbols.";
    case "tooLong":
      return `Sender names can have at most 11 characters (this one has ${problem.values.length}).`;
    case "tooShort":
      return `${problem.values.provider} needs a sender name of at least ${problem.values.min} characters.`;
  }
}
