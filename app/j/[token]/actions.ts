"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { GUEST_LOCALES } from "@/lib/i18n/locales";
import { confirmSignup } from "@/lib/signup/confirm-signup";

/**
 * The guest's "Confirm" button under the link from the text. Public on purpose (the token is the proof);
 * idempotent. Lands back on the page, which then says what happened, in the language the guest was reading.
 */
export const confirmSignupAction = definePublicAction(
  z.object({
    token: z.string().max(64, "Errors.unexpectedForm").default(""),
    lang: z.enum(GUEST_LOCALES).optional().catch(undefined),
  }),
  { form: true },
  async ({ token, lang }) => {
    await confirmSignup(getDb(), token);
    redirect(`/j/${encodeURIComponent(token)}${lang ? `?lang=${lang}` : ""}`);
  },
);
