"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define-action";
import { clientAddressFromHeaders } from "@/lib/auth/credentials";
import { signInWithPassword } from "@/lib/auth/password-sign-in";

// Only the form's shape here; the wording of a bad email or password comes from signInWithPassword, so the
// page can keep the typed email next to the message.
const signInFormSchema = z.object({
  email: z.string().default(""),
  password: z.string().default(""),
  callbackUrl: z.string().optional(),
});

/** Signs in with email and password; on success Auth.js redirects to the page the user wanted. */
export const signInAction = definePublicAction(signInFormSchema, { form: true }, (fields) =>
  signInWithPassword(fields, async () => clientAddressFromHeaders(await headers())),
);
