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

/** What the sign-in page says for each code: a catalogue key (translated where shown). */
export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid: "Auth.signIn.errors.invalid",
  throttled: "Auth.signIn.errors.throttled",
  deactivated: "Auth.signIn.errors.deactivated",
  "session-ended": "Auth.signIn.errors.sessionEnded",
};
