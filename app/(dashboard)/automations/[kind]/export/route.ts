import { AUTOMATION_KINDS } from "@/drizzle/schema/automations";
import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { reportCsvResponse } from "@/lib/reports/report-csv-response";
import { parseReportPeriod, periodStart } from "@/lib/reports/report-period";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { appNow } from "@/lib/time/test-clock";

export const dynamic = "force-dynamic";

/**
 * GET /automations/<kind>/export?days=30|90|365: the automation's report for the period, one row per recipient,
 * as CSV (managers and owners, as the automation's page; audited).
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const user = await authorize({ role: "manager" });
    const { kind: value } = await params;
    const kind = AUTOMATION_KINDS.find((k) => k === value);
    if (!kind) throw new AppError("NOT_FOUND", "Reports.errors.unknownAutomation");
    const db = getDb();
    const [now, { timeZone }] = await Promise.all([appNow(db), getRestaurantSettings(db)]);
    const period = parseReportPeriod(new URL(request.url).searchParams.get("days"));
    return await reportCsvResponse(db, {
      scope: { kind: "automation", automation: kind, since: periodStart(now, period) },
      actorId: user.id,
      name: `${kind}-report-${period}d`,
      timeZone,
      now,
    });
  } catch (err) {
    return errorResponse(err);
  }
}
