"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { dateColumn, statusColumn, textColumn } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";
import { CAMPAIGN_PAGE_SIZES, campaignTableParsers } from "@/lib/campaigns/campaign-table-params";

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

function campaignColumns(t: T): ColumnDef<CampaignRow, unknown>[] {
  return [
    textColumn<CampaignRow>("name", t("columns.campaign"), {
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
        </div>
      ),
    }),
    statusColumn<CampaignRow>("status", t("columns.status"), (r) => <CampaignStatusBadge status={r.status} />),
    dateColumn<CampaignRow>("when", t("columns.when")),
    textColumn<CampaignRow>("percentDone", t("columns.progress"), {
      cell: (r) => (
        <div className="min-w-36 space-y-1">
          <ProgressBar value={r.percentDone} label={t("progressLabel", { name: r.name })} />
          <div className="text-xs text-muted-foreground" data-testid="campaign-progress-text">
            {progressText(t, r)}
          </div>
        </div>
      ),
    }),
    textColumn<CampaignRow>("charged", t("columns.charged"), {
      className: "text-right",
      cell: (r) => (
        <div className="whitespace-nowrap">
          <div data-testid="campaign-charged">{r.charged}</div>
          {r.pendingCost ? <div className="text-xs text-muted-foreground">{r.pendingCost}</div> : null}
        </div>
      ),
    }),
  ];
}

/** Campaigns newest first, a page at a time (keyset: the list has no cap). */
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
  const columns = useMemo(() => campaignColumns(t), [t]);
  const url = useTableUrlState(campaignTableParsers);
  const table = useDataTable({ data: rows, columns, getRowId: (r) => r.id });
  return (
    <div className="space-y-3" aria-busy={url.pending}>
      <DataTable table={table} caption={t("caption")} emptyMessage={t("noMore")} />
      <DataTablePagination
        listedWith={listedWith}
        nextCursor={nextCursor}
        prevCursor={prevCursor}
        labels={{ prev: t("newer"), next: t("older") }}
        pageSize={{
          value: url.state.size,
          options: CAMPAIGN_PAGE_SIZES,
          onChange: (size) => url.setFilters({ size: size as typeof url.state.size }),
        }}
      />
    </div>
  );
}
