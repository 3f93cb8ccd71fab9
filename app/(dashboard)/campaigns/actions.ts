"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { approveCampaign, cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/campaign-controls";
import { providerSessions } from "@/lib/campaigns/provider-session";
import { deleteRecurringSend, setRecurringActive, updateSkipDates } from "@/lib/campaigns/recurring/manage-recurring";
import { rescheduleCampaign } from "@/lib/campaigns/reschedule-campaign";
import { resendFailedNow } from "@/lib/campaigns/resend-failed";
import { getDb } from "@/lib/db";

const byId = z.object({ campaignId: z.uuid("Campaigns.validation.unknownCampaign") });
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

const byRecurringId = z.object({ id: z.uuid("Campaigns.validation.unknownRepeating") });

export const setRecurringActiveAction = defineAction(
  byRecurringId.extend({ active: z.boolean() }),
  manager,
  async ({ id, active }, user) => {
    await setRecurringActive(getDb(), user, id, active);
    revalidatePath("/campaigns");
    return { active };
  },
);

export const updateSkipDatesAction = defineAction(
  byRecurringId.extend({
    skipDates: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Compose.validation.skipDate"))
      .max(200, "Compose.validation.tooManySkipDates"),
  }),
  manager,
  async ({ id, skipDates }, user) => {
    await updateSkipDates(getDb(), user, id, skipDates);
    revalidatePath("/campaigns");
    return { saved: true };
  },
);

export const deleteRecurringAction = defineAction(byRecurringId, manager, async ({ id }, user) => {
  await deleteRecurringSend(getDb(), user, id);
  revalidatePath("/campaigns");
  return { deleted: true };
});

export const rescheduleCampaignAction = defineAction(
  byId.extend({ localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Compose.validation.dateTime") }),
  manager,
  async ({ campaignId, localDateTime }, user) => {
    const db = getDb();
    await rescheduleCampaign(db, user, campaignId, localDateTime, providerSessions(db));
    refresh(campaignId);
    return { done: true };
  },
);

/** A new campaign for this one's failed recipients (same text, provider and sender), sent now. */
export const resendFailedAction = defineAction(byId, manager, async ({ campaignId }, user) => {
  const created = await resendFailedNow(getDb(), user, campaignId);
  refresh(created.id);
  revalidatePath(`/campaigns/${campaignId}`);
  return { campaignId: created.id, recipients: created.recipientCount };
});
