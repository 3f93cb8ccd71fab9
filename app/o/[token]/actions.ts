"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define-action";
import { optOutFromLink } from "@/lib/consent/consent-with-groups";
import { getDb } from "@/lib/db";

/**
 * The guest's "Yes, unsubscribe me" button. Public on purpose (the token is the guest's proof); idempotent.
 * Always lands back on the page, which then shows the confirmation (or the not-found text for a bad token).
 */
export const optOutAction = definePublicAction(
  z.object({ token: z.string().default("") }),
  { form: true },
  async ({ token }) => {
    await optOutFromLink(getDb(), token);
    redirect(`/o/${encodeURIComponent(token)}`);
  },
);
