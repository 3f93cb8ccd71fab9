"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { previewAudience, searchContactOptions } from "@/lib/campaigns/compose/preview-audience";
import { checkSubmission, submitCampaigns } from "@/lib/campaigns/compose/submit-campaigns";
import { routeProvider } from "@/lib/campaigns/route-provider";
import { getDb } from "@/lib/db";
import { renderMessage } from "@/lib/messages/render-message";
import { sendTestSms } from "@/lib/providers/test-sms";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { audienceInputSchema, composeSchema, composeTestSchema } from "@/lib/validation/compose";
import { normalizePhone } from "@/lib/contacts/phone";
import { optOutUrl } from "@/lib/consent/opt-out-link";
import { AppError } from "@/lib/errors";
import { testSmsSchema } from "@/lib/validation/providers";
import { deleteSavedTemplate, listSavedTemplates, saveTemplate } from "@/lib/messages/saved-templates";
import { deleteTemplateSchema, saveTemplateSchema } from "@/lib/validation/message-template";

// Everyone signed in may compose and test; submitCampaigns makes a staff member's campaign a draft that a
// manager or owner approves.
const anyone = {} as const;

export const previewAudienceAction = defineAction(
  audienceInputSchema.extend({ provider: z.enum(["auto", "cpsms", "smsapp"]) }),
  anyone,
  ({ provider, ...audience }) => previewAudience(getDb(), audience, provider),
);

export const searchContactsAction = defineAction(z.object({ query: z.string().max(100) }), anyone, ({ query }) => searchContactOptions(getDb(), query));

/** The checks of composeAction without writing anything, run before the confirm dialog opens. */
export const checkComposeAction = defineAction(composeSchema, anyone, (input, user) => checkSubmission(getDb(), user, input));

export const composeAction = defineAction(composeSchema, anyone, async (input, user) => {
  const result = await submitCampaigns(getDb(), user, input);
  revalidatePath("/campaigns");
  return result;
});

/** Sends the message to one staff phone, as a guest named "Test" would get it (opt-out link as an example). */
export const composeTestAction = defineAction(composeTestSchema, anyone, async (input, user) => {
  const db = getDb();
  const settings = await getRestaurantSettings(db);
  const phone = normalizePhone(input.to, settings.defaultCountry);
  const provider = input.provider === "auto" ? (phone.ok ? routeProvider(phone.e164, settings.routes) : settings.routes.fallback) : input.provider;
  const text = renderMessage(
    input.message,
    { firstName: "Test", lastName: "Guest", restaurant: settings.name, optOutUrl: optOutUrl("test") },
    { optOutFooter: input.optOutFooter, footerLanguage: input.footerLanguage },
  );
  const test = testSmsSchema.safeParse({ provider, to: input.to, text, ...(input.sender.trim() ? { sender: input.sender.trim() } : {}) });
  if (!test.success) throw new AppError("INVALID_INPUT", test.error.issues[0]?.message ?? "Check the test message.");
  return sendTestSms(db, user, test.data);
});

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
