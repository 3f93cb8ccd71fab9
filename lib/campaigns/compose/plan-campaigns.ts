import { optOutUrl } from "@/lib/consent/opt-out-link";
import { AppError } from "@/lib/errors";
import { type AudienceStats, audienceStats, MAX_MESSAGE_CHARACTERS } from "@/lib/messages/audience-stats";
import { type FooterLanguage, optOutWarning, withOptOutFooter } from "@/lib/messages/opt-out-footer";
import { renderMessage } from "@/lib/messages/render-message";
import { hasBlockingIssues, validateTemplate } from "@/lib/messages/validate-template";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { senderProblem } from "@/lib/providers/sender-rules";
import type { ProviderName } from "@/lib/sms/types";
import type { CampaignRecipient } from "../create-campaign";
import { type ProviderRoutes, splitByProvider } from "../route-provider";
import type { Recipient } from "./resolve-recipients";

export type MessageChoice = {
  message: string;
  category: "marketing" | "transactional";
  optOutFooter: boolean;
  footerLanguage: FooterLanguage;
  provider: ProviderName | "auto";
  /** Empty = the provider's default sender. */
  sender: string;
};

export type ProviderPlan = {
  provider: ProviderName;
  sender: string | null;
  recipients: CampaignRecipient[];
  stats: AudienceStats<Recipient & { restaurant: string; optOutUrl: string | null }>;
};

/**
 * Turns a checked audience and a message into one send per provider: routes each number, settles the sender
 * by that provider's rules, and renders every guest's own text (merge fields, opt-out link). Refuses, before
 * anything is written, a message that can't be sent as it stands.
 */
export function planCampaigns(
  audience: readonly Recipient[],
  choice: MessageChoice,
  context: { restaurantName: string; defaultSenders: Record<ProviderName, string | null>; routes: ProviderRoutes },
): ProviderPlan[] {
  const issues = validateTemplate(choice.message);
  const blocking = hasBlockingIssues(issues) ? issues.find((i) => i.severity === "error") : undefined;
  if (blocking) throw new AppError("INVALID_INPUT", `Compose.issues.${blocking.key}`, blocking.values);
  const warning = optOutWarning(choice.message, choice.category, choice.optOutFooter);
  if (warning) throw new AppError("INVALID_INPUT", "Compose.issues.optOutMissing");
  if (audience.length === 0) throw new AppError("INVALID_INPUT", "Compose.errors.noOneLeft");

  const template = withOptOutFooter(choice.message, choice.optOutFooter, choice.footerLanguage);
  const plans: ProviderPlan[] = [];
  for (const [provider, recipients] of splitByProvider(audience, choice.provider, context.routes)) {
    const sender = choice.sender.trim() || context.defaultSenders[provider];
    const label = PROVIDER_LABELS[provider];
    // No sender: the account's own default at the provider (smsapp.pk then sends 50 per bulk call).
    if (sender) {
      const problem = senderProblem(provider, sender);
      if (problem)
        throw new AppError("INVALID_INPUT", "Compose.errors.senderRefused", { sender, provider: label, problem });
    }
    const values = recipients.map((r) => ({
      ...r,
      restaurant: context.restaurantName,
      optOutUrl: r.optOutToken ? optOutUrl(r.optOutToken) : null,
    }));
    const stats = audienceStats(template, values, { provider });
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
      recipients: values.map((v) => ({
        phone: v.phone,
        contactId: v.contactId,
        body: renderMessage(choice.message, v, {
          optOutFooter: choice.optOutFooter,
          footerLanguage: choice.footerLanguage,
        }),
      })),
    });
  }
  return plans;
}
