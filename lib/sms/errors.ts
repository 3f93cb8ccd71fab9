import { PROVIDER_INFO, type ProviderName } from "./providers";

/** Stable, provider-independent failure categories the app can branch on. */
export type ProviderErrorCode =
  | "unauthorized"
  | "insufficient_credit"
  | "forbidden"
  | "not_found"
  | "validation"
  | "conflict"
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "bad_response";

export interface ProviderErrorInit {
  provider: ProviderName;
  code: ProviderErrorCode;
  /** Which client call failed, e.g. "send" or "getBalance". */
  operation: string;
  httpStatus?: number | null;
  retryable: boolean;
  /** True when the provider may have acted on the request (so a send must not be repeated blindly). */
  mayHaveBeenAccepted: boolean;
  retryAfterMs?: number | null;
  /** The provider's own wording, already scrubbed of secrets. */
  providerMessage?: string | null;
  /** Low-level cause such as "ECONNREFUSED"; never the raw error object (it could carry request headers). */
  causeCode?: string | null;
  /** Our own explanation when the client refused the request before sending it. */
  detail?: string | null;
}

/**
 * A failed provider call. Carries only data that is safe to log and show: no credentials, no request headers,
 * no raw `cause`. `userMessage` is written for a restaurant manager.
 */
export class ProviderError extends Error {
  readonly provider: ProviderName;
  readonly code: ProviderErrorCode;
  readonly operation: string;
  readonly httpStatus: number | null;
  readonly retryable: boolean;
  readonly mayHaveBeenAccepted: boolean;
  readonly retryAfterMs: number | null;
  readonly providerMessage: string | null;
  readonly causeCode: string | null;
  readonly detail: string | null;
  readonly userMessage: string;

  constructor(init: ProviderErrorInit) {
    const label = PROVIDER_INFO[init.provider].shortLabel;
    const status = init.httpStatus ? ` (HTTP ${init.httpStatus})` : "";
    const detail = init.providerMessage
      ? `: ${init.providerMessage}`
      : init.detail
        ? `: ${init.detail}`
        : init.causeCode
          ? `: ${init.causeCode}`
          : "";
    super(`${label} ${init.operation} failed with ${init.code}${status}${detail}`);
    this.name = "ProviderError";
    this.provider = init.provider;
    this.code = init.code;
    this.operation = init.operation;
    this.httpStatus = init.httpStatus ?? null;
    this.retryable = init.retryable;
    this.mayHaveBeenAccepted = init.mayHaveBeenAccepted;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.providerMessage = init.providerMessage ?? null;
    this.causeCode = init.causeCode ?? null;
    this.detail = init.detail ?? null;
    this.userMessage = buildUserMessage(init);
  }

  /** A plain object for structured logs. */
  toJSON() {
    return {
      name: this.name,
      provider: this.provider,
      code: this.code,
      operation: this.operation,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      mayHaveBeenAccepted: this.mayHaveBeenAccepted,
      retryAfterMs: this.retryAfterMs,
      providerMessage: this.providerMessage,
      causeCode: this.causeCode,
      detail: this.detail,
      message: this.message,
    };
  }
}

/** True for errors thrown by the SMS clients. */
export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

function buildUserMessage(init: ProviderErrorInit): string {
  const p = PROVIDER_INFO[init.provider].shortLabel;
  const maybeSent = init.mayHaveBeenAccepted
    ? ` The message may still have gone out, so check the delivery log before sending it again.`
    : "";
  const said = init.providerMessage
    ? ` ${p} said: "${clip(init.providerMessage)}"`
    : init.detail
      ? ` ${init.detail}`
      : "";
  switch (init.code) {
    case "unauthorized":
      return `${p} did not accept our login details. Check the ${p} username and API key in the provider settings.`;
    case "forbidden":
      return `${p} refused the request from this server. Check the account's IP allow-list and API permissions.${said}`;
    case "insufficient_credit":
      return `Your ${p} account does not have enough credit for this. Top up the account and try again.${said}`;
    case "validation":
      return `${p} did not accept the message as written. Check the phone numbers, sender name and text.${said}`;
    case "not_found":
      return `${p} could not find what we asked for. It may already have been deleted.${said}`;
    case "conflict":
      return `${p} could not do this right now (nothing matched, or it is too late to change it).${said}`;
    case "rate_limited":
      // Not retryable = we waited as long as we are willing to and gave up; the caller says why (detail).
      return !init.retryable && init.detail
        ? init.detail
        : `${p} asked us to slow down. We will try again in a moment.`;
    case "server_error":
      return `${p} is having problems on their side. Try again in a few minutes.${maybeSent}`;
    case "timeout":
      return `${p} took too long to answer.${maybeSent || " Try again in a moment."}`;
    case "network":
      return `We could not reach ${p}. Check the internet connection and try again.${maybeSent}`;
    case "bad_response":
      return `${p} sent an answer we could not read.${maybeSent}`;
  }
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
