"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
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

const NUMBER = new Intl.NumberFormat("en-GB");

/** "3 of 4 sent · 1 scheduled · 1 failed", from the same tally as every other view. */
function progressText(r: CampaignRow): string {
  return [
    `${NUMBER.format(r.sent)} of ${NUMBER.format(r.recipients)} sent`,
    r.scheduled ? `${NUMBER.format(r.scheduled)} scheduled` : null,
    r.failed ? `${NUMBER.format(r.failed)} failed` : null,
    r.stopped ? `${NUMBER.format(r.stopped)} not sent` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

const columns: ColumnDef<CampaignRow, unknown>[] = [
  textColumn<CampaignRow>("name", "Campaign", {
    cell: (r) => (
      <div className="min-w-40">
        <Link href={`/campaigns/${r.id}`} className="font-medium underline-offset-4 hover:underline">
          {r.name}
        </Link>
        <div className="text-xs text-muted-foreground">
          {r.provider}
          {r.createdBy ? ` · by ${r.createdBy}` : ""}
        </div>
        {/* On a phone the progress and cost columns are off to the side: the essentials go here too. */}
        <div className="text-xs text-muted-foreground md:hidden">
          {progressText(r)} · {r.charged}
        </div>
      </div>
    ),
  }),
  statusColumn<CampaignRow>("status", "Status", (r) => <CampaignStatusBadge status={r.status} />),
  dateColumn<CampaignRow>("when", "When"),
  textColumn<CampaignRow>("percentDone", "Progress", {
    cell: (r) => (
      <div className="min-w-36 space-y-1">
        <ProgressBar value={r.percentDone} label={`${r.name} progress`} />
        <div className="text-xs text-muted-foreground" data-testid="campaign-progress-text">
          {progressText(r)}
        </div>
      </div>
    ),
  }),
  textColumn<CampaignRow>("charged", "Charged", {
    className: "text-right",
    cell: (r) => (
      <div className="whitespace-nowrap">
        <div data-testid="campaign-charged">{r.charged}</div>
        {r.pendingCost ? <div className="text-xs text-muted-foreground">{r.pendingCost}</div> : null}
      </div>
    ),
  }),
];

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
  const url = useTableUrlState(campaignTableParsers);
  const table = useDataTable({ data: rows, columns, getRowId: (r) => r.id });
  return (
    <div className="space-y-3" aria-busy={url.pending}>
      <DataTable table={table} caption="Campaigns" emptyMessage="No more campaigns." />
      <DataTablePagination
        listedWith={listedWith}
        nextCursor={nextCursor}
        prevCursor={prevCursor}
        labels={{ prev: "Newer", next: "Older" }}
        pageSize={{
          value: url.state.size,
          options: CAMPAIGN_PAGE_SIZES,
          onChange: (size) => url.setFilters({ size: size as typeof url.state.size }),
        }}
      />
    </div>
  );
}
