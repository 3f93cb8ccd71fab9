"use server";

import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/auth";

/** Ends the session (clears the session cookie) and returns to the sign-in page. Needs no session to call. */
export const signOutAction = definePublicAction(z.undefined(), {}, async () => {
  await signOut({ redirectTo: "/sign-in" });
});
