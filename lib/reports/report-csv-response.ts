import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { formatInZone } from "@/lib/time/zoned";
import { reportCsvStream } from "./report-csv";
import type { ReportScope } from "./report-scope";

/**
 * The per-recipient CSV as a download, audit-logged first (it lists guests' phone numbers, like the guest
 * book's export). The file name carries the restaurant's date, as every page does.
 */
export async function reportCsvResponse(
  db: Database,
  options: { scope: ReportScope; actorId: string; name: string; timeZone: string; now: Date },
): Promise<Response> {
  const { scope } = options;
  await recordAudit(db, {
    actorId: options.actorId,
    action: "report.export",
    targetType: scope.kind,
    targetId: scope.kind === "campaign" ? scope.campaignId : scope.automation,
    details: scope.kind === "automation" ? { since: scope.since.toISOString() } : {},
  });
  const file = `${options.name}-${formatInZone(options.now, options.timeZone, "yyyy-MM-dd")}.csv`;
  return new Response(reportCsvStream(db, scope, options.timeZone), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}
