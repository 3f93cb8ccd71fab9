import { Download } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportBody } from "@/components/reports/report-body";
import { Button } from "@/components/ui/button";
import type { AutomationKind } from "@/drizzle/schema/automations";
import { activityUnit } from "@/lib/reports/activity-weeks";
import type { AutomationReport } from "@/lib/reports/automation-report";
import { REPORT_PERIODS } from "@/lib/reports/report-period";
import { cn } from "@/lib/utils";

/**
 * What the automation's texts earned over the chosen period (plain links pick it: no script), with redemptions
 * per texted guest beside the holdout's visit rates (shown below by HoldoutResultsSection).
 */
export async function AutomationReportSection({ kind, report }: { kind: AutomationKind; report: AutomationReport }) {
  const t = await getTranslations("Reports");
  const format = await getFormatter();
  return (
    <section aria-labelledby="report-heading" className="space-y-3" data-testid="automation-report">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="report-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <Button asChild variant="outline" size="sm">
          <a href={`/automations/${kind}/export?days=${report.period}`} download data-testid="report-export">
            <Download aria-hidden /> {t("export")}
          </a>
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">{t("introAutomation")}</p>
      <nav aria-label={t("period")} className="flex flex-wrap gap-2 text-sm">
        {REPORT_PERIODS.map((days) => (
          <Link
            key={days}
            href={`/automations/${kind}?days=${days}`}
            scroll={false}
            aria-current={days === report.period ? "page" : undefined}
            className={cn(
              "rounded-md border px-3 py-1.5",
              days === report.period ? "border-primary bg-primary text-primary-foreground" : "hover:bg-muted",
            )}
          >
            {t("periodDays", { days })}
          </Link>
        ))}
      </nav>
      <ReportBody
        figures={report.figures}
        days={report.days}
        activityCaption={t("activity.caption", { unit: activityUnit(report.days.length) })}
      />
      <div className="rounded-lg border p-3 text-sm" data-testid="report-per-texted">
        <p className="text-xs text-muted-foreground">{t("figures.perTexted")}</p>
        <p className="text-lg font-semibold tabular-nums">
          {report.redemptionsPerTexted === null
            ? t("figures.none")
            : format.number(report.redemptionsPerTexted, { maximumFractionDigits: 3 })}
        </p>
        <p className="text-xs text-muted-foreground">{t("figures.perTextedDetail")}</p>
      </div>
      <p className="text-xs text-muted-foreground">{t("method")}</p>
    </section>
  );
}
