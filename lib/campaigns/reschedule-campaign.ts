import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { isProviderError } from "@/lib/sms/errors";
import { PROVIDER_INFO } from "@/lib/sms/providers";
import { parseLocalDateTime } from "@/lib/time/zoned";
import { cancelDeadline, heldTooLate } from "./campaign-controls";
import { enqueueDispatch } from "./enqueue-dispatch";
import type { ProviderSessionFactory } from "./provider-session";
import { assertCampaignOutsideQuietHours } from "./quiet-hours-check";

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
  if (!campaign) throw new AppError("NOT_FOUND", "That campaign doesn't exist (it may have been deleted).");
  if (!(campaign.status === "scheduled" || (campaign.status === "draft" && campaign.scheduledAt))) {
    throw new AppError("CONFLICT", "Only scheduled campaigns can be moved to another time.");
  }
  const settings = await getRestaurantSettings(db);
  const parsed = parseLocalDateTime(localDateTime, settings.timeZone);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason);
  const newAt = parsed.date;
  if (newAt.getTime() < Date.now() + 60_000)
    throw new AppError("INVALID_INPUT", "Choose a time at least a minute from now.");
  await assertCampaignOutsideQuietHours(db, campaign, newAt);
  const deadline = campaign.status === "scheduled" ? cancelDeadline(campaign) : null;
  if (deadline && Date.now() >= deadline.getTime()) {
    throw new AppError("CONFLICT", `${heldTooLate(campaign, "changes")}, so these messages will go out as planned.`);
  }

  if (deadline) {
    // Stop dispatch from handing anything more to CPSMS while we take it back.
    await db
      .update(campaigns)
      .set({ status: "paused", pauseReason: "Moving to a new time…" })
      .where(eq(campaigns.id, id));
    const refs = await db
      .selectDistinct({ reference: campaignMessages.reference })
      .from(campaignMessages)
      .where(and(eq(campaignMessages.campaignId, id), eq(campaignMessages.status, "scheduled")));
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
    await db.transaction(async (tx) => {
      if (deleted.length) {
        await tx
          .update(campaignMessages)
          .set({ status: "queued", reference: null, claimedAt: null, statusChangedAt: new Date() })
          .where(
            and(
              eq(campaignMessages.campaignId, id),
              eq(campaignMessages.status, "scheduled"),
              inArray(campaignMessages.reference, deleted),
            ),
          );
      }
      await tx
        .update(campaigns)
        .set({ status: "scheduled", scheduledAt: when, pauseReason: null })
        .where(eq(campaigns.id, id));
      if (!refusal)
        await recordAudit(tx, {
          actorId: actor.id,
          action: "campaign.rescheduled",
          targetType: "campaign",
          targetId: id,
          details: { from: campaign.scheduledAt?.toISOString(), to: newAt.toISOString() },
        });
    });
    await enqueueDispatch(id);
    if (refusal)
      throw new AppError(
        "CONFLICT",
        `${PROVIDER_INFO[campaign.provider].shortLabel} refused the change, so the original time stands: ${isProviderError(refusal) ? refusal.userMessage : "unknown error"}`,
      );
    return;
  }

  await db.transaction(async (tx) => {
    await tx.update(campaigns).set({ scheduledAt: newAt }).where(eq(campaigns.id, id));
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
