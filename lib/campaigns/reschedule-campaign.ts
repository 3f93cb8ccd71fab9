import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type CampaignStatus, campaignMessages, campaigns } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { isProviderError } from "@/lib/sms/errors";
import { PROVIDER_INFO } from "@/lib/sms/providers";
import { parseLocalDateTime } from "@/lib/time/zoned";
import { messageFrom, transitionCampaign } from "./apply-transition";
import { cancelDeadline, heldTooLate } from "./campaign-controls";
import { RESCHEDULABLE } from "./campaign-lifecycle";
import { isSignupText } from "./campaign-origin";
import { enqueueDispatch } from "./enqueue-dispatch";
import { messageTarget } from "./message-lifecycle";
import type { ProviderSessionFactory } from "./provider-session";
import { assertCampaignOutsideQuietHours } from "./quiet-hours-check";

const CHANGED_MEANWHILE = "Campaigns.errors.changedMeanwhile";

/**
 * Moves a scheduled (or draft) campaign to a new time, within the provider's rules. smsapp.pk sends wait in our
 * own queue, so only the time changes (the old job finds it not yet due). A send CPSMS already holds is deleted
 * there (allowed until 10 minutes before its time) and handed over again with the new `timestamp`; if CPSMS
 * refuses part way, what it deleted is handed back with the old time, so every guest still gets exactly one.
 */
export async function rescheduleCampaign(
  db: Database,
  actor: { id: string },
  id: string,
  localDateTime: string,
  sessions: ProviderSessionFactory,
) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!campaign) throw new AppError("NOT_FOUND", "Campaigns.errors.notFound");
  // A sign-up text's time is the sign-up flow's (outside quiet hours), not staff's.
  if (isSignupText(campaign.origin)) throw new AppError("CONFLICT", "Campaigns.errors.signupText");
  const movable = (RESCHEDULABLE as readonly CampaignStatus[]).includes(campaign.status);
  if (!movable || (campaign.status === "draft" && !campaign.scheduledAt)) {
    throw new AppError("CONFLICT", "Campaigns.errors.onlyScheduledMove");
  }
  const settings = await getRestaurantSettings(db);
  const parsed = parseLocalDateTime(localDateTime, settings.timeZone);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason.key, parsed.reason.values);
  const newAt = parsed.date;
  if (newAt.getTime() < Date.now() + 60_000) throw new AppError("INVALID_INPUT", "Campaigns.errors.atLeastAMinute");
  await assertCampaignOutsideQuietHours(db, campaign, newAt);
  const deadline = campaign.status === "scheduled" ? cancelDeadline(campaign) : null;
  if (deadline && Date.now() >= deadline.getTime()) {
    throw new AppError("CONFLICT", "Campaigns.errors.tooLateToChange", heldTooLate(campaign));
  }

  if (deadline) {
    // Stop dispatch from handing anything more to CPSMS while we take it back.
    if (!(await transitionCampaign(db, id, "rescheduleHold", { set: { pauseReason: "Moving to a new time…" } })))
      throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    const refs = await db
      .selectDistinct({ reference: campaignMessages.reference })
      .from(campaignMessages)
      .where(and(eq(campaignMessages.campaignId, id), messageFrom("takeBack", campaignMessages.status)));
    const session = await sessions(campaign.provider);
    const deleted: string[] = [];
    let refusal: unknown = null;
    for (const { reference } of refs) {
      if (!reference) continue;
      try {
        await session.cancelHeld(reference);
        deleted.push(reference);
      } catch (err) {
        refusal = err;
        break;
      }
    }
    const when = refusal ? campaign.scheduledAt : newAt;
    const released = await db.transaction(async (tx) => {
      if (deleted.length) {
        await tx
          .update(campaignMessages)
          .set({ status: messageTarget("takeBack"), reference: null, claimedAt: null, statusChangedAt: new Date() })
          .where(
            and(
              eq(campaignMessages.campaignId, id),
              messageFrom("takeBack", campaignMessages.status),
              inArray(campaignMessages.reference, deleted),
            ),
          );
      }
      // Staff may have cancelled it while CPSMS was deleting: then it stays cancelled.
      const released = await transitionCampaign(tx, id, "rescheduleRelease", {
        set: { scheduledAt: when, pauseReason: null },
      });
      if (released && !refusal)
        await recordAudit(tx, {
          actorId: actor.id,
          action: "campaign.rescheduled",
          targetType: "campaign",
          targetId: id,
          details: { from: campaign.scheduledAt?.toISOString(), to: newAt.toISOString() },
        });
      return released;
    });
    await enqueueDispatch(id);
    if (!released) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    if (refusal)
      throw new AppError("CONFLICT", "Campaigns.errors.changeRefused", {
        provider: PROVIDER_INFO[campaign.provider].shortLabel,
        reason: isProviderError(refusal) ? refusal.userMessage : "unknown error",
      });
    return;
  }

  await db.transaction(async (tx) => {
    // Only the time changes, and only while the status is the one checked above.
    const moved = await tx
      .update(campaigns)
      .set({ scheduledAt: newAt })
      .where(and(eq(campaigns.id, id), eq(campaigns.status, campaign.status)))
      .returning({ id: campaigns.id });
    if (moved.length === 0) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.rescheduled",
      targetType: "campaign",
      targetId: id,
      details: { from: campaign.scheduledAt?.toISOString(), to: newAt.toISOString() },
    });
  });
  if (campaign.status === "scheduled") await enqueueDispatch(id, newAt);
}
