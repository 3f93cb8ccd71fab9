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
  percentDone: number;
  cost: number;
  createdBy: string | null;
};

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

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
        <div className="text-xs text-muted-foreground">
          {NUMBER.format(row.original.sent)} of {NUMBER.format(row.original.recipients)} sent
          {row.original.failed ? ` · ${NUMBER.format(row.original.failed)} failed` : ""}
        </div>
      </div>
    ),
  },
  { header: "Cost", accessorKey: "cost", cell: ({ row }) => NUMBER.format(row.original.cost), meta: { className: "text-right" } },
];

export function CampaignsTable({ rows }: { rows: CampaignRow[] }) {
  return <DataTable columns={columns} data={rows} getRowId={(r) => r.id} caption="Campaigns" />;
}
