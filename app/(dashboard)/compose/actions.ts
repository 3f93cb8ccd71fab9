"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { previewAudience, searchContactOptions } from "@/lib/campaigns/compose/preview-audience";
import { checkSubmission, submitCampaigns } from "@/lib/campaigns/compose/submit-campaigns";
import { getDb } from "@/lib/db";
import { deleteSavedTemplate, listSavedTemplates, saveTemplate } from "@/lib/messages/saved-templates";
import { sendComposeTest } from "@/lib/test-sends/compose-test";
import {
  audienceInputSchema,
  composeSchema,
  composeTestSchema,
  previewSendAtSchema,
  providerChoiceSchema,
} from "@/lib/validation/compose";
import { deleteTemplateSchema, saveTemplateSchema } from "@/lib/validation/message-template";

// Everyone signed in may compose and test; submitCampaigns makes a staff member's campaign a draft that a
// manager or owner approves.
const anyone = {} as const;

export const previewAudienceAction = defineAction(
  audienceInputSchema.extend({ provider: providerChoiceSchema, sendAt: previewSendAtSchema }),
  anyone,
  ({ provider, sendAt, ...audience }) => previewAudience(getDb(), audience, provider, sendAt ?? null),
);

export const searchContactsAction = defineAction(z.object({ query: z.string().max(100) }), anyone, ({ query }) =>
  searchContactOptions(getDb(), query),
);

/** The checks of composeAction without writing anything, run before the confirm dialog opens. */
export const checkComposeAction = defineAction(composeSchema, anyone, (input, user) =>
  checkSubmission(getDb(), user, input),
);

export const composeAction = defineAction(composeSchema, anyone, async (input, user) => {
  const result = await submitCampaigns(getDb(), user, input);
  revalidatePath("/campaigns");
  return result;
});

/**
 * Sends the message, as a guest named "Test" would get it, to the user's own verified phone or a staff phone
 * (never a typed number), with text and sender checked as for a real send, within the per-user hourly limit.
 */
export const composeTestAction = defineAction(composeTestSchema, anyone, (input, user) =>
  sendComposeTest(getDb(), user, input),
);

/** Saves the message as one of the restaurant's templates; returns the updated list for the menu. */
export const saveTemplateAction = defineAction(saveTemplateSchema, anyone, async (input, user) => {
  const saved = await saveTemplate(getDb(), user, input);
  return { saved, templates: await listSavedTemplates(getDb()) };
});

/** Deletes a saved template (its author, or a manager or owner); returns the updated list for the menu. */
export const deleteTemplateAction = defineAction(deleteTemplateSchema, anyone, async ({ id }, user) => {
  await deleteSavedTemplate(getDb(), user, id);
  return { templates: await listSavedTemplates(getDb()) };
});
