import Link from "next/link";
import { useTranslations } from "next-intl";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { type StaticColumn, StaticTable } from "@/components/data-table/static-table";
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";
import { CampaignsTableFrame } from "./campaigns-table-frame";

export type CampaignRow = {
  id: string;
  name: string;
  provider: string;
  status: CampaignStatus;
  when: string;
  recipients: number;
  sent: number;
  failed: number;
  scheduled: number;
  stopped: number;
  percentDone: number;
  /** What the provider charged, formatted in its unit. */
  charged: string;
  /** Held by CPSMS or estimated, labelled; null when nothing is to come. */
  pendingCost: string | null;
  createdBy: string | null;
  /** "14 clicked · 6 redeemed" from the campaign's report, or null without a tracked link or offer. */
  results: string | null;
};

type T = ReturnType<typeof useTranslations<"Campaigns.list">>;

/** "3 of 4 sent · 1 scheduled · 1 failed", from the same tally as every other view. */
function progressText(t: T, r: CampaignRow): string {
  return [
    t("progress.sent", { sent: r.sent, recipients: r.recipients }),
    r.scheduled ? t("progress.scheduled", { count: r.scheduled }) : null,
    r.failed ? t("progress.failed", { count: r.failed }) : null,
    r.stopped ? t("progress.notSent", { count: r.stopped }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function campaignColumns(t: T): StaticColumn<CampaignRow>[] {
  return [
    {
      id: "name",
      header: t("columns.campaign"),
      cell: (r) => (
        <div className="min-w-40">
          <Link href={`/campaigns/${r.id}`} className="font-medium underline-offset-4 hover:underline">
            {r.name}
          </Link>
          <div className="text-xs text-muted-foreground">
            {r.provider}
            {r.createdBy ? ` · ${t("by", { name: r.createdBy })}` : ""}
          </div>
          {/* On a phone the progress and cost columns are off to the side: the essentials go here too. */}
          <div className="text-xs text-muted-foreground md:hidden">
            {progressText(t, r)} · {r.charged}
          </div>
          {r.results ? <div className="text-xs md:hidden">{r.results}</div> : null}
        </div>
      ),
    },
    { id: "status", header: t("columns.status"), cell: (r) => <CampaignStatusBadge status={r.status} /> },
    { id: "when", header: t("columns.when"), className: "whitespace-nowrap", cell: (r) => r.when },
    {
      id: "percentDone",
      header: t("columns.progress"),
      cell: (r) => (
        <div className="min-w-36 space-y-1">
          <ProgressBar value={r.percentDone} label={t("progressLabel", { name: r.name })} />
          <div className="text-xs text-muted-foreground" data-testid="campaign-progress-text">
            {progressText(t, r)}
          </div>
          {r.results ? (
            <div className="text-xs" data-testid="campaign-results-text">
              {r.results}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      id: "charged",
      header: t("columns.charged"),
      className: "text-right",
      cell: (r) => (
        <div className="whitespace-nowrap">
          <div data-testid="campaign-charged">{r.charged}</div>
          {r.pendingCost ? <div className="text-xs text-muted-foreground">{r.pendingCost}</div> : null}
        </div>
      ),
    },
  ];
}

/**
 * Campaigns newest first, a page at a time (keyset: the list has no cap). The table is read-only and renders on
 * the server; paging and rows per page are the client frame around it.
 */
export function CampaignsTable({
  rows,
  listedWith,
  nextCursor,
  prevCursor,
}: {
  rows: CampaignRow[];
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
}) {
  const t = useTranslations("Campaigns.list");
  return (
    <CampaignsTableFrame listedWith={listedWith} nextCursor={nextCursor} prevCursor={prevCursor}>
      <StaticTable
        rows={rows}
        rowKey={(r) => r.id}
        columns={campaignColumns(t)}
        caption={t("caption")}
        emptyMessage={t("noMore")}
      />
    </CampaignsTableFrame>
  );
}
