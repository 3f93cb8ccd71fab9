import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Campaign, campaignMessages, campaigns } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isProviderError } from "@/lib/sms/errors";
import { PROVIDER_INFO } from "@/lib/sms/providers";
import { campaignMayTake, messageFrom, transitionCampaign } from "./apply-transition";
import { campaignEventAllowed } from "./campaign-lifecycle";
import { enqueueDispatch } from "./enqueue-dispatch";
import { messageTarget } from "./message-lifecycle";
import type { ProviderSessionFactory } from "./provider-session";
import { assertCampaignOutsideQuietHours } from "./quiet-hours-check";

type Actor = { id: string };

/** Marks held messages whose delete request got no clear answer (it may have worked). */
const CANCEL_UNCERTAIN = "cancel_uncertain";

/** Why a message of a cancelled campaign didn't go out (shown per recipient and on the guest's page). */
const CANCELLED_BY_STAFF = "Not sent: the campaign was cancelled.";

async function lockCampaign(tx: Parameters<Parameters<Database["transaction"]>[0]>[0], id: string): Promise<Campaign> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "Campaigns.errors.notFound");
  return row;
}

/** Until when a provider-held campaign can still be cancelled (its `cancelLockMs`); null when no provider holds it. */
export function cancelDeadline(campaign: Pick<Campaign, "provider" | "scheduledVia" | "scheduledAt">): Date | null {
  if (campaign.scheduledVia !== "provider" || !campaign.scheduledAt) return null;
  return new Date(campaign.scheduledAt.getTime() - (PROVIDER_INFO[campaign.provider].cancelLockMs ?? 0));
}

/** "CPSMS no longer allows cancelling: it is less than 10 minutes before the send time", for a held campaign. */
export function heldTooLate(campaign: Pick<Campaign, "provider">): { provider: string; minutes: number } {
  const info = PROVIDER_INFO[campaign.provider];
  return { provider: info.shortLabel, minutes: (info.cancelLockMs ?? 0) / 60_000 };
}

/**
 * A manager or owner approves a staff draft: it is queued (or scheduled) as written. A draft that routing split
 * over both providers is one submission and is approved as one: every draft of it, in one transaction.
 */
export async function approveCampaign(db: Database, actor: Actor, id: string) {
  const approved = await db.transaction(async (tx) => {
    const first = await lockCampaign(tx, id);
    if (!campaignEventAllowed("approve", first)) throw new AppError("CONFLICT", "Campaigns.errors.onlyDrafts");
    const siblings = first.submissionId
      ? await tx
          .select()
          .from(campaigns)
          .where(and(eq(campaigns.submissionId, first.submissionId), campaignMayTake("approve")))
          .orderBy(campaigns.id)
          .for("update")
      : [first];
    for (const row of siblings) {
      if (row.scheduledAt && row.scheduledAt.getTime() < Date.now()) {
        throw new AppError("INVALID_INPUT", "Campaigns.errors.sendTimePassed");
      }
      // Quiet hours apply when a promotion is sent, which for a draft is now (or its chosen time), not when it was written.
      await assertCampaignOutsideQuietHours(tx as unknown as Database, row, row.scheduledAt ?? new Date());
      const approved = await transitionCampaign(tx, row.id, "approve", {
        to: row.scheduledAt ? "scheduled" : "queued",
        set: { approvedById: actor.id, approvedAt: new Date() },
      });
      if (!approved) throw new AppError("CONFLICT", "Campaigns.errors.onlyDrafts");
      await recordAudit(tx, {
        actorId: actor.id,
        action: "campaign.approved",
        targetType: "campaign",
        targetId: row.id,
      });
    }
    return siblings;
  });
  for (const campaign of approved) {
    await enqueueDispatch(
      campaign.id,
      campaign.scheduledVia === "queue" ? (campaign.scheduledAt ?? undefined) : undefined,
    );
  }
}

/** The other campaigns written by the same compose submission (the other provider's half), if any. */
export async function submissionSiblings(db: Database, campaign: Pick<Campaign, "id" | "submissionId">) {
  if (!campaign.submissionId) return [];
  return db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      provider: campaigns.provider,
      status: campaigns.status,
      recipientCount: campaigns.recipientCount,
    })
    .from(campaigns)
    .where(and(eq(campaigns.submissionId, campaign.submissionId), sql`${campaigns.id} <> ${campaign.id}`));
}

/** Stops sending after the batch in flight; nothing already sent is affected. */
export async function pauseCampaign(db: Database, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const row = await lockCampaign(tx, id);
    if (row.scheduledVia === "provider" && row.status === "scheduled") {
      throw new AppError("CONFLICT", "Campaigns.errors.alreadyHeld", {
        provider: PROVIDER_INFO[row.provider].shortLabel,
      });
    }
    if (!(await transitionCampaign(tx, id, "pause", { set: { pauseReason: "Paused by staff." } })))
      throw new AppError("CONFLICT", "Campaigns.errors.cantPause", { status: row.status });
    await recordAudit(tx, { actorId: actor.id, action: "campaign.paused", targetType: "campaign", targetId: id });
  });
}

/** Carries on where it stopped: only messages not yet sent go out. */
export async function resumeCampaign(db: Database, actor: Actor, id: string) {
  const row = await db.transaction(async (tx) => {
    const row = await lockCampaign(tx, id);
    if (!campaignEventAllowed("resume", row)) throw new AppError("CONFLICT", "Campaigns.errors.onlyPausedResume");
    const notYetDue = row.scheduledAt && row.scheduledAt.getTime() > Date.now() && row.startedAt === null;
    await assertCampaignOutsideQuietHours(
      tx as unknown as Database,
      row,
      notYetDue && row.scheduledAt ? row.scheduledAt : new Date(),
    );
    const resumed = await transitionCampaign(tx, id, "resume", {
      to: notYetDue ? "scheduled" : "sending",
      set: { pauseReason: null },
    });
    if (!resumed) throw new AppError("CONFLICT", "Campaigns.errors.onlyPausedResume");
    await recordAudit(tx, { actorId: actor.id, action: "campaign.resumed", targetType: "campaign", targetId: id });
    return row;
  });
  await enqueueDispatch(id, row.scheduledAt && row.scheduledAt.getTime() > Date.now() ? row.scheduledAt : undefined);
}

/**
 * Cancels what has not gone out. A campaign CPSMS holds is deleted there first (by our references), which
 * CPSMS allows only until 10 minutes before the send time; after that the cancel is refused, not faked.
 */
export async function cancelCampaign(db: Database, actor: Actor, id: string, sessions: ProviderSessionFactory) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!campaign) throw new AppError("NOT_FOUND", "Campaigns.errors.notFound");
  if (!campaignEventAllowed("cancel", campaign)) {
    throw new AppError("CONFLICT", "Campaigns.errors.cantCancel", { status: campaign.status });
  }
  const deadline = cancelDeadline(campaign);
  if (deadline && Date.now() >= deadline.getTime()) {
    throw new AppError("CONFLICT", "Campaigns.errors.tooLateToCancel", heldTooLate(campaign));
  }
  // Stop dispatch first so no new batch is handed to the provider while we delete. A compare-and-set: a campaign
  // that finished (or was cancelled) since we read it stays as it is.
  if (!(await transitionCampaign(db, id, "cancel", { set: { finishedAt: new Date() } }))) {
    const [now] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id));
    throw new AppError("CONFLICT", "Campaigns.errors.cantCancel", { status: now?.status ?? "deleted" });
  }
  if (deadline) {
    const refs = await db
      .select({
        reference: campaignMessages.reference,
        uncertain: sql<boolean>`bool_or(${campaignMessages.errorCode} = ${CANCEL_UNCERTAIN})`,
      })
      .from(campaignMessages)
      .where(and(eq(campaignMessages.campaignId, id), messageFrom("cancelHeld", campaignMessages.status)))
      .groupBy(campaignMessages.reference);
    const session = await sessions(campaign.provider);
    const ofReference = (reference: string) =>
      and(
        eq(campaignMessages.campaignId, id),
        eq(campaignMessages.reference, reference),
        messageFrom("cancelHeld", campaignMessages.status),
      );
    try {
      for (const { reference, uncertain } of refs) {
        if (!reference) continue;
        try {
          await session.cancelHeld(reference);
        } catch (err) {
          // An earlier delete whose answer was lost may have worked; CPSMS then finds nothing to delete.
          const goneAlready = uncertain && isProviderError(err) && err.code === "conflict";
          if (!goneAlready) {
            if (isProviderError(err) && err.mayHaveBeenAccepted) {
              await db.update(campaignMessages).set({ errorCode: CANCEL_UNCERTAIN }).where(ofReference(reference));
            }
            throw err;
          }
        }
        // Deleted at CPSMS: these can't go out any more, even if a later delete fails and the rest stay held.
        // CPSMS refunds deleted messages, so they cost nothing.
        await db
          .update(campaignMessages)
          .set({
            status: messageTarget("cancelHeld"),
            cost: null,
            errorMessage: CANCELLED_BY_STAFF,
            statusChangedAt: new Date(),
          })
          .where(ofReference(reference));
      }
    } catch (err) {
      // Restore: the campaign is still (at least partly) held by CPSMS and must say so.
      await transitionCampaign(db, id, "cancelRefused", { set: { finishedAt: null } });
      throw new AppError("CONFLICT", "Campaigns.errors.cancelRefused", {
        provider: session.info.shortLabel,
        reason: isProviderError(err) ? err.userMessage : "unknown error",
      });
    }
  }
  await db.transaction(async (tx) => {
    await tx
      .update(campaignMessages)
      .set({
        status: messageTarget("cancel"),
        cost: null,
        errorMessage: CANCELLED_BY_STAFF,
        statusChangedAt: new Date(),
      })
      .where(and(eq(campaignMessages.campaignId, id), messageFrom("cancel", campaignMessages.status)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.cancelled",
      targetType: "campaign",
      targetId: id,
      details: { heldByProvider: Boolean(deadline) },
    });
  });
}
