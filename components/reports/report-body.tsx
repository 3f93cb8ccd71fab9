import type { ActivityDay } from "@/lib/reports/report-activity";
import type { ReportFigures } from "@/lib/reports/report-figures";
import { ActivityChart } from "./activity-chart";
import { ReportFigureList } from "./report-figure-list";
import { ReportFunnel } from "./report-funnel";

/** A report's figures and charts, the same for a campaign and an automation: funnel, figures, days. */
export function ReportBody({
  figures,
  days,
  activityCaption,
}: {
  figures: ReportFigures;
  days: ActivityDay[];
  activityCaption: string;
}) {
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <ReportFunnel figures={figures} />
        <ActivityChart days={days} caption={activityCaption} />
      </div>
      <ReportFigureList figures={figures} />
    </div>
  );
}
