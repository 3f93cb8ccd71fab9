"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { DataTable } from "@/components/data-table/data-table";
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";

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
  {
    header: "Campaign",
    accessorKey: "name",
    cell: ({ row }) => (
      <div className="min-w-40">
        <Link href={`/campaigns/${row.original.id}`} className="font-medium underline-offset-4 hover:underline">
          {row.original.name}
        </Link>
        <div className="text-xs text-muted-foreground">
          {row.original.provider}
          {row.original.createdBy ? ` · by ${row.original.createdBy}` : ""}
        </div>
        {/* On a phone the progress and cost columns are off to the side: the essentials go here too. */}
        <div className="text-xs text-muted-foreground md:hidden">
          {progressText(row.original)} · {row.original.charged}
        </div>
      </div>
    ),
  },
  { header: "Status", accessorKey: "status", cell: ({ row }) => <CampaignStatusBadge status={row.original.status} /> },
  { header: "When", accessorKey: "when", meta: { className: "whitespace-nowrap" } },
  {
    header: "Progress",
    id: "progress",
    cell: ({ row }) => (
      <div className="min-w-36 space-y-1">
        <ProgressBar value={row.original.percentDone} label={`${row.original.name} progress`} />
        <div className="text-xs text-muted-foreground" data-testid="campaign-progress-text">
          {progressText(row.original)}
        </div>
      </div>
    ),
  },
  {
    header: "Charged",
    accessorKey: "charged",
    cell: ({ row }) => (
      <div className="whitespace-nowrap">
        <div data-testid="campaign-charged">{row.original.charged}</div>
        {row.original.pendingCost ? (
          <div className="text-xs text-muted-foreground">{row.original.pendingCost}</div>
        ) : null}
      </div>
    ),
    meta: { className: "text-right" },
  },
];

export function CampaignsTable({ rows }: { rows: CampaignRow[] }) {
  return <DataTable columns={columns} data={rows} getRowId={(r) => r.id} caption="Campaigns" />;
}
