import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { getDb } from "@/lib/db";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { signInSchema } from "@/lib/validation/users";
import { signIn } from "./auth";
import { safeCallbackUrl } from "./callback-url";
import { SIGN_IN_MESSAGES } from "./sign-in-errors";
import { checkSignInThrottle, throttleMessage } from "./throttle";

/** What the sign-in form shows after a failed attempt: the message, and the email to keep in the field. */
export type SignInState = { error?: string; email?: string };

/**
 * Signs in with email and password; on success Auth.js redirects (by throwing) to the page the user wanted, so
 * this only ever returns a failure, worded for the sign-in page in the reader's language.
 */
export async function signInWithPassword(
  fields: { email: string; password: string; callbackUrl?: string },
  clientAddress: () => Promise<string>,
): Promise<SignInState> {
  const email = fields.email.slice(0, 254);
  const parsed = signInSchema.safeParse({ email, password: fields.password });
  if (!parsed.success) {
    return { email, error: await localizeMessage(parsed.error.issues[0]?.message ?? SIGN_IN_MESSAGES.invalid!) };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(fields.callbackUrl),
    });
    return {};
  } catch (err) {
    if (!(err instanceof AuthError)) throw err; // includes Next's redirect on success
    const code = err instanceof CredentialsSignin ? err.code : "invalid";
    if (code === "throttled") {
      const state = await checkSignInThrottle(getDb(), parsed.data.email, await clientAddress());
      if (!state.limited) return { email, error: await localizeMessage(SIGN_IN_MESSAGES.throttled!) };
      const { key, values } = throttleMessage(state.retryAfterMs);
      return { email, error: await localizeMessage(key, values) };
    }
    return { email, error: await localizeMessage(SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.invalid!) };
  }
}
