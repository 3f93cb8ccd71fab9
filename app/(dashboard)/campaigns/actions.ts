"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { defineAction } from "@/lib/actions/define-action";
import { approveCampaign, cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { enqueueDispatch } from "@/lib/campaigns/enqueue-dispatch";
import { providerSessions } from "@/lib/campaigns/provider-session";
import { resendToFailed } from "@/lib/campaigns/resend-failed";
import { resendAllowList } from "@/lib/campaigns/resend-guard";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

const byId = z.object({ campaignId: z.uuid("Unknown campaign.") });
const manager = { role: "manager" } as const;

function refresh(campaignId: string) {
  revalidatePath("/campaigns");
  revalidatePath(`/campaigns/${campaignId}`);
}

export const approveCampaignAction = defineAction(byId, manager, async ({ campaignId }, user) => {
  await approveCampaign(getDb(), user, campaignId);
  refresh(campaignId);
  return { done: true };
});

export const pauseCampaignAction = defineAction(byId, manager, async ({ campaignId }, user) => {
  await pauseCampaign(getDb(), user, campaignId);
  refresh(campaignId);
  return { done: true };
});

export const resumeCampaignAction = defineAction(byId, manager, async ({ campaignId }, user) => {
  await resumeCampaign(getDb(), user, campaignId);
  refresh(campaignId);
  return { done: true };
});

export const cancelCampaignAction = defineAction(byId, manager, async ({ campaignId }, user) => {
  const db = getDb();
  await cancelCampaign(db, user, campaignId, providerSessions(db));
  refresh(campaignId);
  return { done: true };
});

/** A new campaign for this one's failed recipients (same text, provider and sender), sent now. */
export const resendFailedAction = defineAction(byId, manager, async ({ campaignId }, user) => {
  const db = getDb();
  const [original] = await db.select({ category: campaigns.category }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!original) throw new AppError("NOT_FOUND", "That campaign doesn't exist (it may have been deleted).");
  const created = await resendToFailed(db, user, campaignId, resendAllowList(db, original.category));
  await enqueueDispatch(created.id);
  refresh(created.id);
  revalidatePath(`/campaigns/${campaignId}`);
  return { campaignId: created.id, recipients: created.recipientCount };
});
