"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { signOut, unstable_update } from "@/lib/auth/auth";
import { clientAddressFromHeaders } from "@/lib/auth/credentials";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { getDb } from "@/lib/db";
import { STAFF_LOCALES } from "@/lib/i18n/locales";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { setOwnLanguage } from "@/lib/users/set-own-language";
import { changeOwnPasswordSchema } from "@/lib/validation/users";

/** Changes the signed-in user's password; other sessions of this user end, this one continues. */
export const changeOwnPasswordAction = defineAction(
  changeOwnPasswordSchema,
  { allowPendingPasswordChange: true },
  async (input, user) => {
    await changeOwnPassword(
      getDb(),
      user.id,
      input.currentPassword,
      input.newPassword,
      clientAddressFromHeaders(await headers()),
    );
    await unstable_update({}); // re-issues this session's token with the new session version
    revalidatePath("/settings/account"); // the "choose a new password" notice and the list of sessions
    return { changed: true };
  },
);

// An explicit yes, so that a bare call (or a forged empty one) ends nothing.
const signOutEverywhereSchema = z.object({
  confirm: z.literal(true, { error: "Account.sessions.confirmRequired" }),
});

/** Ends every session of the signed-in user, this one included, and returns to the sign-in page. */
export const signOutEverywhereAction = defineAction(
  signOutEverywhereSchema,
  { allowPendingPasswordChange: true },
  async (_input, user) => {
    await revokeAllSessions(getDb(), user.id);
    await signOut({ redirectTo: "/sign-in" });
    return { ended: true };
  },
);

const languageSchema = z.object({
  // "" = follow the browser, then the restaurant's default.
  locale: z.union([z.enum(STAFF_LOCALES), z.literal("")], "Account.language.invalid"),
});

/** The signed-in user's own dashboard language (Settings > Account). */
export const setMyLanguageAction = defineAction(
  languageSchema,
  { allowPendingPasswordChange: true },
  async ({ locale }, user) => {
    await setOwnLanguage(getDb(), user.id, locale || null);
    revalidatePath("/", "layout"); // every page reads the language
    return { locale: locale || null };
  },
);
