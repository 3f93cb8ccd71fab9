import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSignupText } from "./campaign-origin";
import { createCampaign } from "./create-campaign";
import { enqueueDispatch } from "./enqueue-dispatch";
import { resendAllowList } from "./resend-guard";

/** Statuses worth a second try: refused, failed to send, or not delivered to the handset. */
export const RESENDABLE = ["rejected", "failed", "undelivered"] as const;

/**
 * A new campaign for the recipients of `campaignId` whose message didn't arrive, with each guest's same text,
 * through the same provider and sender, sent now. It is a campaign of its own, so the usual safeguards hold:
 * one message per number, suppression re-checked by the caller, and its own progress and audit trail.
 */
export async function resendToFailed(
  db: Database,
  actor: { id: string },
  campaignId: string,
  stillAllowed: (phones: string[], category: "marketing" | "transactional") => Promise<Set<string>>,
) {
  const [original] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!original) throw new AppError("NOT_FOUND", "Campaigns.errors.notFound");
  // The guest signs up again instead: a resend would skip the hourly cap and carry a link that may have expired.
  if (isSignupText(original.origin)) throw new AppError("CONFLICT", "Campaigns.errors.signupText");
  const failed = await db
    .select({ phone: campaignMessages.phone, contactId: campaignMessages.contactId, body: campaignMessages.body })
    .from(campaignMessages)
    .where(and(eq(campaignMessages.campaignId, campaignId), inArray(campaignMessages.status, [...RESENDABLE])));
  if (failed.length === 0) throw new AppError("INVALID_INPUT", "Campaigns.errors.nothingFailed");
  // Someone may have opted out since the first send: ask again.
  const allowed = await stillAllowed(
    failed.map((f) => f.phone),
    original.category,
  );
  const recipients = failed.filter((f) => allowed.has(f.phone));
  if (recipients.length === 0) throw new AppError("INVALID_INPUT", "Campaigns.errors.allOptedOut");
  return createCampaign(db, actor, {
    name: `${original.name} (resend to failed)`,
    provider: original.provider,
    sender: original.sender,
    template: original.body,
    language: original.language,
    translations: original.translations,
    category: original.category,
    optOutFooter: original.optOutFooter,
    recipients,
    scheduledAt: null,
    expireAfterMinutes: null,
    approved: true,
  });
}

/**
 * The campaign page's "Resend to failed": the new campaign, with suppression and withdrawals re-checked for the
 * original's category (resendAllowList), queued for dispatch at once.
 */
export async function resendFailedNow(
  db: Database,
  actor: { id: string },
  campaignId: string,
  dispatch: (campaignId: string) => Promise<void> = enqueueDispatch,
) {
  const created = await resendToFailed(db, actor, campaignId, (phones, category) =>
    resendAllowList(db, category)(phones),
  );
  await dispatch(created.id);
  return created;
}
