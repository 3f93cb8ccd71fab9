import { CredentialsSignin } from "next-auth";

// Codes travel in the URL (`?code=`) for the plain POST flow, so they name the situation, not the cause.

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

export class AccountDeactivated extends CredentialsSignin {
  code = "deactivated";
}

/** What the sign-in page says for each code. */
export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid: "That email and password don't match an account. Check both and try again.",
  throttled: "Too many failed sign-in attempts. For your security, sign-in is paused: try again in a few minutes.",
  deactivated: "This account has been deactivated. Ask the restaurant's owner to reactivate it.",
  "session-ended": "Your session has ended. Sign in again to continue.",
};
