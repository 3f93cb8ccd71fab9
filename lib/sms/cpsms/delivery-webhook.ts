import "server-only";
import { applyDeliveryReport } from "@/lib/campaigns/apply-delivery-report";
import { isValidDeliveryToken } from "@/lib/campaigns/delivery-url";
import { getBackgroundDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { cpsmsPushedReport, parseCpsmsDeliveryReport } from "./dlr";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this guard refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
/** An MSISDN as CPSMS writes it (digits, maybe with + or 00 in front); E.164 has at most 15 digits. */
const RECEIVER = /^(\+|00)?\d{4,15}$/;

/** What a provider callback answers: an HTTP status and a JSON body. */
export type CallbackAnswer = { status: number; body: Record<string, unknown> };

/**
 * CPSMS delivery reports: `POST <dlr_url>?status=<n>&receiver=<msisdn>` (GET tolerated, as CPSMS has used both).
 * No session here: the URL's token, an HMAC of our reference, is the credential. Everything is in the query
 * string; the route handler (app/api/webhooks/cpsms/route.ts) and the launcher's direct route
 * (lib/runtime/direct-routes.ts) both answer with exactly this.
 */
export async function answerCpsmsDeliveryReport(query: URLSearchParams): Promise<CallbackAnswer> {
  const reference = query.get("ref") ?? "";
  const token = query.get("token") ?? "";
  if (!reference || !token || !isValidDeliveryToken(reference, token)) {
    logger.warn({ reference: reference.slice(0, 40) }, "refused a delivery report with a bad token");
    return { status: 403, body: { error: "unknown or forged delivery report" } };
  }
  // Postgres refuses NUL in text: a signed URL with one added must be a clear 400, not a failed statement.
  if ([...query].some(([key, value]) => CONTROL.test(key) || CONTROL.test(value))) {
    return { status: 400, body: { error: "control characters in the delivery report" } };
  }
  const report = parseCpsmsDeliveryReport(query);
  if (!report) return { status: 400, body: { error: "status and receiver are required" } };
  if (!RECEIVER.test(report.receiver)) return { status: 400, body: { error: "receiver is not a phone number" } };
  const updated = await applyDeliveryReport(getBackgroundDb(), reference, cpsmsPushedReport(report));
  if (updated === null) {
    logger.warn({ reference, receiver: report.receiver }, "delivery report for an unknown message");
    return { status: 404, body: { error: "no such message" } };
  }
  logger.debug({ reference, state: report.state, updated }, "cpsms delivery report");
  return { status: 200, body: { ok: true, updated } };
}
