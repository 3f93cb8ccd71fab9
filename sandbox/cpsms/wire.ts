import type { SandboxResponse } from "../shared/http-server";
import type { CpsmsWireVariant } from "./options";

/** Whole-request error. The body is undocumented; this is the shape every third-party client expects. */
export function cpsmsError(status: number, message: string): SandboxResponse {
  return { status, json: { error: { code: status, message } } };
}

export interface RecipientError {
  to: string;
  code: number;
  message: string;
}

/** The `error` list of a send response, in the variant's spelling. */
export function recipientErrors(variant: CpsmsWireVariant, errors: RecipientError[]): unknown {
  if (variant === "modern") {
    const entries = errors.map((e) => ({ code: e.code, message: e.message, to: e.to }));
    return entries.length === 1 ? entries[0] : entries;
  }
  return errors.map((e) => ({ errorCode: e.code, errMsg: e.message, to: e.to }));
}

/** The `success` list of a send response, in the variant's shape. */
export function successEntries(
  variant: CpsmsWireVariant,
  accepted: Array<{ to: string; cost: number; segments: number; countryCode: string }>,
): unknown {
  if (variant === "draft")
    return [accepted.map((a) => ({ to: a.to, price: String(a.cost), countryCode: a.countryCode }))];
  return accepted.map((a) => ({ to: a.to, cost: a.cost, smsAmount: a.segments }));
}

/** A plain `{"Success": ...}` / `{"success": ...}` confirmation. */
export function confirmation(variant: CpsmsWireVariant, text: string): SandboxResponse {
  return { status: 200, json: variant === "modern" ? { success: text } : { Success: text } };
}

/** /addgroup reply: bare with a string id (2016 doc) or wrapped in `success` (newer clients). */
export function addGroupBody(variant: CpsmsWireVariant, group: { groupId: number; groupName: string }): unknown {
  if (variant === "modern") return { success: { groupId: group.groupId, groupName: group.groupName } };
  return { groupId: String(group.groupId), groupName: group.groupName };
}

/** Default body for an injected status fault. */
export function cpsmsFaultResponse(status: number): SandboxResponse {
  const messages: Record<number, string> = {
    400: "Bad request",
    401: "Invalid username or API key",
    402: "Not enough SMS points",
    403: "IP validation failed",
    404: "Method not found",
    406: "Not Acceptable",
    409: "Nothing to return based on posted data",
    429: "Too many requests",
    500: "Something went wrong",
    502: "Bad gateway",
    503: "Service unavailable",
  };
  return cpsmsError(status, messages[status] ?? "Error");
}
