"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { definePublicAction } from "@/lib/actions/define-action";
import { clientAddressFromHeaders } from "@/lib/auth/credentials";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { GuestPhoneProblem } from "@/lib/signup/read-guest-phone";
import { submitSignup } from "@/lib/signup/submit-signup";
import { joinSchema } from "@/lib/validation/join";

const STALE_FORM = new Set(["Guest.join.errors.wordingChanged", "Guest.join.errors.formExpired"]);

/**
 * The sign-up form's button. Public on purpose (anyone may sign up), so the checks are submitSignup's: the
 * honeypot, the fill time, limits per address and number, and the hourly text caps. A number the guest typed
 * wrong is answered at its field; other problems above the button.
 */
export const joinAction = definePublicAction(joinSchema, { form: true }, async (input) => {
  const address = clientAddressFromHeaders(await headers());
  try {
    return await submitSignup(getDb(), input, { address });
  } catch (err) {
    if (err instanceof GuestPhoneProblem) {
      return { kind: "phoneProblem" as const, message: await localizeMessage(err.message) };
    }
    // The page comes back with the current wording (and a fresh form time) under the message.
    if (err instanceof AppError && STALE_FORM.has(err.message)) refresh();
    throw err;
  }
});
