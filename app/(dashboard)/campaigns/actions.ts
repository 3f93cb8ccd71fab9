"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { approveCampaign, cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { providerSessions } from "@/lib/campaigns/provider-session";
import { getDb } from "@/lib/db";

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
