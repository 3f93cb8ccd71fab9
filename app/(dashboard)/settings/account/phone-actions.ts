"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { confirmPhoneCode, removeOwnPhone, requestPhoneCode } from "@/lib/test-sends/phone-verification";
import { confirmPhoneCodeSchema, requestPhoneCodeSchema } from "@/lib/validation/test-sends";

// Everyone signed in keeps their own phone for test messages; each action acts on the signed-in user only.
const anyone = {} as const;
const PAGE = "/settings/account";

/** Texts a code to the number the user typed; it becomes their (unverified) test phone. */
export const requestPhoneCodeAction = defineAction(requestPhoneCodeSchema, anyone, async ({ phone }, user) => {
  const sent = await requestPhoneCode(getDb(), user, phone);
  revalidatePath(PAGE);
  return sent;
});

/** Checks the code; the right one verifies the phone. */
export const confirmPhoneCodeAction = defineAction(confirmPhoneCodeSchema, anyone, async ({ code }, user) => {
  const verified = await confirmPhoneCode(getDb(), user, code);
  revalidatePath(PAGE);
  return verified;
});

/** Forgets the user's own test phone. */
export const removeOwnPhoneAction = defineAction(
  z.object({ confirm: z.literal(true) }),
  anyone,
  async (_input, user) => {
    await removeOwnPhone(getDb(), user);
    revalidatePath(PAGE);
    return { removed: true };
  },
);
