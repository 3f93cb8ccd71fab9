import "server-only";
import { randomUUID } from "node:crypto";
import type { Campaign } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createPromotionOffer, type ResolvedOffer } from "@/lib/offers/promotion-offer";
import { checkProviderConnection } from "@/lib/providers/connection-check";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import type { RestaurantProfile } from "@/lib/settings/restaurant-settings";
import { mapProviders, PROVIDER_INFO } from "@/lib/sms/providers";
import type { AudienceInput } from "@/lib/validation/compose";
import { createCampaign } from "../create-campaign";
import { enqueueDispatch } from "../enqueue-dispatch";
import { assertOutsideQuietHours } from "../quiet-hours-check";
import { type MessageChoice, type ProviderPlan, planCampaigns, tracksLinks } from "./plan-campaigns";
import { type ResolvedAudience, resolveRecipients } from "./resolve-recipients";

export type SendContent = AudienceInput & MessageChoice & { name: string };

/**
 * Everything checked before a send is written: the audience after consent and suppression, the message and
 * sender per provider, and (when asked) quiet hours at the send time in each guest's zone (promotions only; a
 * staff draft is checked when it is approved) and that the balance covers it. Shared by compose and repeating sends.
 */
export async function prepareSend(
  db: Database,
  content: SendContent,
  options: { at: Date | null; checkBalance: boolean; checkQuietHours: boolean; settings: RestaurantProfile },
): Promise<{ plans: ProviderPlan[]; audience: ResolvedAudience }> {
  const { settings } = options;
  const audience = await resolveRecipients(db, content, settings.defaultCountry);
  const providers = await resolveProviders(db);
  const plans = planCampaigns(audience.recipients, content, {
    restaurantName: settings.name,
    defaultSenders: mapProviders((p) => providers[p].defaultSender),
    routes: settings.routes,
  });
  if (content.category === "marketing" && options.checkQuietHours) {
    for (const plan of plans) {
      assertOutsideQuietHours(
        plan.recipients.map((r) => r.phone),
        options.at ?? new Date(),
        settings,
        { now: !options.at, provider: plan.provider },
      );
    }
  }
  if (options.checkBalance) await assertBalanceCovers(db, plans);
  return { plans, audience };
}

/** One campaign per provider plan, all in one transaction (a repeating send's occurrence is unique). */
export async function writeCampaigns(
  db: Database,
  actor: { id: string },
  content: SendContent,
  plans: ProviderPlan[],
  options: {
    scheduledAt: Date | null;
    expireAfterMinutes: number | null;
    approved: boolean;
    recurringSendId?: string;
    occurrence?: string;
    /** The promotion's offer, checked (resolvePromotionOffer); stored once for every provider's campaign. */
    offer?: ResolvedOffer | null;
  },
): Promise<Campaign[]> {
  const submissionId = randomUUID();
  return db.transaction(async (tx) => {
    const rows: Campaign[] = [];
    const offer = options.offer ? await createPromotionOffer(tx as unknown as Database, actor.id, options.offer) : null;
    for (const plan of plans) {
      rows.push(
        await createCampaign(tx as unknown as Database, actor, {
          name: plans.length > 1 ? `${content.name} (${PROVIDER_LABELS[plan.provider]})` : content.name,
          provider: plan.provider,
          sender: plan.sender,
          template: content.message,
          language: content.footerLanguage,
          translations: content.translations ?? [],
          category: content.category,
          optOutFooter: content.optOutFooter,
          trackLinks: tracksLinks(content),
          recipients: plan.recipients,
          scheduledAt: options.scheduledAt,
          expireAfterMinutes: options.expireAfterMinutes,
          approved: options.approved,
          recurringSendId: options.recurringSendId,
          occurrence: options.occurrence,
          submissionId,
          offer,
        }),
      );
    }
    return rows;
  });
}

/**
 * Queues what was written. CPSMS holds a scheduled send itself (its `timestamp`), so it is handed over now;
 * smsapp.pk sends wait in our durable queue until they are due. Drafts wait for approval.
 */
export async function enqueueCreated(created: readonly Campaign[]) {
  for (const c of created) {
    if (c.status === "draft") continue;
    await enqueueDispatch(c.id, c.scheduledVia === "queue" ? (c.scheduledAt ?? undefined) : undefined);
  }
}

/** Refuses a send the account can't pay for, with both figures; an unreachable provider is reported too. */
async function assertBalanceCovers(db: Database, plans: ProviderPlan[]) {
  for (const plan of plans) {
    const label = PROVIDER_LABELS[plan.provider];
    const check = await checkProviderConnection(db, plan.provider);
    if (!check.ok)
      throw new AppError("PROVIDER_UNAVAILABLE", "Compose.errors.balanceUnconfirmed", {
        provider: label,
        reason: check.message,
      });
    const needed = plan.stats.estimatedCost ?? 0;
    if (!check.balance.unlimited && check.balance.amount !== null && needed > check.balance.amount) {
      const round = (n: number) => Math.round(n * 100) / 100;
      throw new AppError("INSUFFICIENT_CREDIT", "Compose.errors.notEnoughCredit", {
        provider: label,
        unit: PROVIDER_INFO[plan.provider].unitKey,
        needed: round(needed),
        balance: round(check.balance.amount),
      });
    }
  }
}
