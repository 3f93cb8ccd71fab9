import "server-only";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolvePromotionOffer } from "@/lib/offers/promotion-offer";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { parseLocalDateTime } from "@/lib/time/zoned";
import type { ComposeInput } from "@/lib/validation/compose";
import { momentParts } from "../moment-parts";
import { checkRecurringSend, createRecurringSend } from "../recurring/manage-recurring";
import type { ProviderPlan } from "./plan-campaigns";
import { enqueueCreated, prepareSend, writeCampaigns } from "./prepare-send";
import type { ResolvedAudience } from "./resolve-recipients";

export type SubmittedCampaign = { id: string; provider: ProviderPlan["provider"]; recipients: number; status: string };
export type SubmitResult = {
  campaigns: SubmittedCampaign[];
  recurringSendId: string | null;
  skipped: ResolvedAudience["skipped"];
};

/** A send must be at least this far ahead to count as "later" (the form's clock and ours may differ a little). */
const MIN_LEAD_MS = 60_000;

/**
 * The compose form's "Send" / "Schedule" / "Repeat" / "Save for approval": validates everything first (time,
 * quiet hours, audience, message, sender, balance), then writes one campaign per provider in one transaction,
 * then queues them. Any problem is a clear error and nothing is written or queued.
 */
export async function submitCampaigns(db: Database, user: CurrentUser, input: ComposeInput): Promise<SubmitResult> {
  if (input.schedule.mode === "weekly") {
    if (input.offer) throw new AppError("INVALID_INPUT", "Compose.errors.offerNotRepeating");
    const { recurring, skipped } = await createRecurringSend(db, user, input, input.schedule);
    return { campaigns: [], recurringSendId: recurring.id, skipped };
  }
  const { prepared, scheduledAt, approved, offer } = await checkSingleSend(db, user, input);
  const created = await writeCampaigns(db, user, input, prepared.plans, {
    offer,
    scheduledAt,
    expireAfterMinutes: input.schedule.mode === "later" ? input.schedule.expireAfterMinutes : null,
    approved,
  });
  await enqueueCreated(created);
  return {
    campaigns: created.map((c) => ({ id: c.id, provider: c.provider, recipients: c.recipientCount, status: c.status })),
    recurringSendId: null,
    skipped: prepared.audience.skipped,
  };
}

/**
 * Every check submitCampaigns makes, writing nothing: compose runs it when Send is pressed, so a problem (quiet
 * hours, balance, sender) is shown once, before the confirm dialog, not after it.
 */
export async function checkSubmission(db: Database, user: CurrentUser, input: ComposeInput): Promise<{ ok: true }> {
  if (input.schedule.mode === "weekly") {
    if (input.offer) throw new AppError("INVALID_INPUT", "Compose.errors.offerNotRepeating");
    await checkRecurringSend(db, user, input, input.schedule);
  } else await checkSingleSend(db, user, input);
  return { ok: true };
}

async function checkSingleSend(db: Database, user: CurrentUser, input: ComposeInput) {
  const settings = await getRestaurantSettings(db);
  let scheduledAt: Date | null = null;
  if (input.schedule.mode === "later") {
    const parsed = parseLocalDateTime(input.schedule.localDateTime, settings.timeZone);
    if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason.key, parsed.reason.values);
    if (parsed.date.getTime() < Date.now() + MIN_LEAD_MS) {
      throw new AppError("INVALID_INPUT", "Compose.errors.timePassed", momentParts(parsed.date, settings.timeZone));
    }
    scheduledAt = parsed.date;
  }
  const offer = input.offer ? resolvePromotionOffer(input.offer, settings.timeZone, scheduledAt) : null;
  const approved = hasRole(user.role, "manager");
  // A staff draft sent "now" is checked for quiet hours when a manager approves it (staff write after closing);
  // a chosen time is when it will be sent, so it is checked now.
  const checkQuietHours = approved || scheduledAt !== null;
  const prepared = await prepareSend(db, input, { at: scheduledAt, checkBalance: approved, checkQuietHours, settings });
  return { prepared, scheduledAt, approved, offer };
}
