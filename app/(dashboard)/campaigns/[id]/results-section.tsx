import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ReportBody } from "@/components/reports/report-body";
import { Button } from "@/components/ui/button";
import type { CampaignReport } from "@/lib/reports/campaign-report";

/** The campaign's results (what its texts earned), with the per-recipient CSV for managers and owners. */
export async function CampaignResultsSection({
  campaignId,
  report,
  canExport,
}: {
  campaignId: string;
  report: CampaignReport;
  canExport: boolean;
}) {
  const t = await getTranslations("Reports");
  return (
    <section aria-labelledby="results-heading" className="mt-8 space-y-3" data-testid="campaign-results">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="results-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        {canExport ? (
          <Button asChild variant="outline" size="sm">
            <a href={`/campaigns/${campaignId}/export`} download data-testid="report-export">
              <Download aria-hidden /> {t("export")}
            </a>
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-muted-foreground">{t("introCampaign")}</p>
      <ReportBody figures={report.figures} days={report.days} activityCaption={t("activity.captionCampaign")} />
      <p className="text-xs text-muted-foreground">{t("method")}</p>
    </section>
  );
}
