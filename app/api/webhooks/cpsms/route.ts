import { applyCpsmsDeliveryReport } from "@/lib/campaigns/apply-delivery-report";
import { isValidDeliveryToken } from "@/lib/campaigns/delivery-url";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { parseCpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";

export const dynamic = "force-dynamic";

/**
 * CPSMS delivery reports: `POST <dlr_url>?status=<n>&receiver=<msisdn>` (GET tolerated, as CPSMS has used both).
 * No session here: the URL's token, an HMAC of our reference, is the credential.
 */
async function handle(request: Request) {
  const url = new URL(request.url);
  const reference = url.searchParams.get("ref") ?? "";
  const token = url.searchParams.get("token") ?? "";
  if (!reference || !token || !isValidDeliveryToken(reference, token)) {
    logger.warn({ reference: reference.slice(0, 40) }, "refused a delivery report with a bad token");
    return Response.json({ error: "unknown or forged delivery report" }, { status: 403 });
  }
  const report = parseCpsmsDeliveryReport(url);
  if (!report) return Response.json({ error: "status and receiver are required" }, { status: 400 });
  const updated = await applyCpsmsDeliveryReport(getDb(), reference, report);
  if (updated === null) {
    logger.warn({ reference, receiver: report.receiver }, "delivery report for an unknown message");
    return Response.json({ error: "no such message" }, { status: 404 });
  }
  logger.debug({ reference, state: report.state, updated }, "cpsms delivery report");
  return Response.json({ ok: true, updated });
}

export const POST = handle;
export const GET = handle;
