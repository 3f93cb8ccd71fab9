import type { CurrentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkProviderConnection } from "@/lib/providers/connection-check";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone, parseLocalDateTime } from "@/lib/time/zoned";
import type { ComposeInput } from "@/lib/validation/compose";
import { createCampaign } from "../create-campaign";
import { enqueueDispatch } from "../enqueue-dispatch";
import { quietHoursConflict } from "../quiet-hours";
import { type ProviderPlan, planCampaigns } from "./plan-campaigns";
import { type ResolvedAudience, resolveRecipients } from "./resolve-recipients";

export type SubmittedCampaign = { id: string; provider: ProviderPlan["provider"]; recipients: number; status: string };
export type SubmitResult = { campaigns: SubmittedCampaign[]; skipped: ResolvedAudience["skipped"] };

/** A send must be at least this far ahead to count as "later" (the form's clock and ours may differ a little). */
const MIN_LEAD_MS = 60_000;

/**
 * The compose form's "Send" / "Schedule" / "Save for approval": validates everything first (time, quiet
 * hours, audience, message, sender, balance), then writes one campaign per provider in one transaction, then
 * queues them. Any problem is a clear error and nothing is written or queued.
 */
export async function submitCampaigns(db: Database, user: CurrentUser, input: ComposeInput): Promise<SubmitResult> {
  const settings = await getRestaurantSettings(db);
  const approved = hasRole(user.role, "manager");

  let scheduledAt: Date | null = null;
  if (input.schedule.mode === "later") {
    const parsed = parseLocalDateTime(input.schedule.localDateTime, settings.timeZone);
    if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason);
    if (parsed.date.getTime() < Date.now() + MIN_LEAD_MS) {
      throw new AppError("INVALID_INPUT", `${formatInZone(parsed.date, settings.timeZone)} has already passed (or is less than a minute away). Choose a later time.`);
    }
    scheduledAt = parsed.date;
  }
  if (input.category === "marketing") {
    const at = scheduledAt ?? new Date();
    const opens = quietHoursConflict(at, settings.timeZone, settings.quietHoursStart, settings.quietHoursEnd);
    if (opens) {
      throw new AppError(
        "INVALID_INPUT",
        `${scheduledAt ? "That time is" : "It is now"} within quiet hours (${settings.quietHoursStart}–${settings.quietHoursEnd}), when promotions are not sent. The earliest allowed time is ${formatInZone(opens, settings.timeZone)}.`,
      );
    }
  }

  const audience = await resolveRecipients(db, input, settings.defaultCountry);
  const providers = await resolveProviders(db);
  const plans = planCampaigns(audience.recipients, input, {
    restaurantName: settings.name,
    defaultSenders: { cpsms: providers.cpsms.defaultSender, smsapp: providers.smsapp.defaultSender },
  });
  if (approved) await assertBalanceCovers(db, plans);

  const created = await db.transaction(async (tx) => {
    const rows = [];
    for (const plan of plans) {
      rows.push(
        await createCampaign(tx as unknown as Database, user, {
          name: plans.length > 1 ? `${input.name} (${PROVIDER_LABELS[plan.provider]})` : input.name,
          provider: plan.provider,
          sender: plan.sender,
          template: input.message,
          category: input.category,
          optOutFooter: input.optOutFooter,
          recipients: plan.recipients,
          scheduledAt,
          expireAfterMinutes: input.schedule.mode === "later" ? input.schedule.expireAfterMinutes : null,
          approved,
        }),
      );
    }
    return rows;
  });

  for (const c of created) {
    if (c.status === "draft") continue;
    // CPSMS holds a scheduled send itself (its `timestamp`), so it is handed over now; smsapp.pk sends wait in
    // our durable queue until they are due.
    await enqueueDispatch(c.id, c.scheduledVia === "queue" ? (c.scheduledAt ?? undefined) : undefined);
  }
  return {
    campaigns: created.map((c) => ({ id: c.id, provider: c.provider, recipients: c.recipientCount, status: c.status })),
    skipped: audience.skipped,
  };
}

/** Refuses a send the account can't pay for, with both figures; an unreachable provider is reported too. */
async function assertBalanceCovers(db: Database, plans: ProviderPlan[]) {
  for (const plan of plans) {
    const label = PROVIDER_LABELS[plan.provider];
    const check = await checkProviderConnection(db, plan.provider);
    if (!check.ok) throw new AppError("PROVIDER_UNAVAILABLE", `${label} could not confirm the balance: ${check.message} Nothing was sent.`);
    const needed = plan.stats.estimatedCost ?? 0;
    if (!check.balance.unlimited && check.balance.amount !== null && needed > check.balance.amount) {
      throw new AppError(
        "INSUFFICIENT_CREDIT",
        `Not enough ${label} credit: this send needs about ${needed} ${check.balance.unit} and the account has ${check.balance.amount}. Top up, or send to fewer guests. Nothing was sent.`,
      );
    }
  }
}
