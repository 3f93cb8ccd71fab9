"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions/define-action";
import { unstable_update } from "@/lib/auth/auth";
import { clientAddressFromHeaders } from "@/lib/auth/credentials";
import { getDb } from "@/lib/db";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { changeOwnPasswordSchema } from "@/lib/validation/users";

/** Changes the signed-in user's password; other sessions of this user end, this one continues. */
export const changeOwnPasswordAction = defineAction(
  changeOwnPasswordSchema,
  { allowPendingPasswordChange: true },
  async (input, user) => {
    await changeOwnPassword(getDb(), user.id, input.currentPassword, input.newPassword, clientAddressFromHeaders(await headers()));
    await unstable_update({}); // re-issues this session's token with the new session version
    return { changed: true };
  },
);
