"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddressFromHeaders } from "@/lib/auth/credentials";
import { SIGN_IN_MESSAGES } from "@/lib/auth/sign-in-errors";
import { checkSignInThrottle, throttleMessage } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { signInSchema } from "@/lib/validation/users";

export type SignInState = { error?: string; email?: string };

/** Signs in with email and password; on success Auth.js redirects to the page the user wanted. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { email, error: parsed.error.issues[0]?.message ?? SIGN_IN_MESSAGES.invalid };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(formData.get("callbackUrl")),
    });
    return {};
  } catch (err) {
    if (!(err instanceof AuthError)) throw err; // includes Next's redirect on success
    const code = err instanceof CredentialsSignin ? err.code : "invalid";
    if (code === "throttled") {
      const address = clientAddressFromHeaders(await headers());
      const state = await checkSignInThrottle(getDb(), parsed.data.email, address);
      return { email, error: state.limited ? throttleMessage(state.retryAfterMs) : SIGN_IN_MESSAGES.throttled };
    }
    return { email, error: SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.invalid };
  }
}
