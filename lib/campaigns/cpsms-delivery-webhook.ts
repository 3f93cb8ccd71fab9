import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { parseCpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";
import { applyCpsmsDeliveryReport } from "./apply-delivery-report";
import { isValidDeliveryToken } from "./delivery-url";

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
  const report = parseCpsmsDeliveryReport(query);
  if (!report) return { status: 400, body: { error: "status and receiver are required" } };
  const updated = await applyCpsmsDeliveryReport(getDb(), reference, report);
  if (updated === null) {
    logger.warn({ reference, receiver: report.receiver }, "delivery report for an unknown message");
    return { status: 404, body: { error: "no such message" } };
  }
  logger.debug({ reference, state: report.state, updated }, "cpsms delivery report");
  return { status: 200, body: { ok: true, updated } };
}
