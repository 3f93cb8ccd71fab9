"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define-action";
import { optOutFromLink } from "@/lib/consent/consent-with-groups";
import { getDb } from "@/lib/db";
import { GUEST_LOCALES } from "@/lib/i18n/locales";

/**
 * The guest's "Yes, unsubscribe me" button. Public on purpose (the token is the guest's proof); idempotent.
 * Always lands back on the page, which then shows the confirmation (or the not-found text for a bad token), in
 * the language the guest was reading.
 */
export const optOutAction = definePublicAction(
  z.object({ token: z.string().default(""), lang: z.enum(GUEST_LOCALES).optional().catch(undefined) }),
  { form: true },
  async ({ token, lang }) => {
    await optOutFromLink(getDb(), token);
    redirect(`/o/${encodeURIComponent(token)}${lang ? `?lang=${lang}` : ""}`);
  },
);
