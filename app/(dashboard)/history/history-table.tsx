"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";

export type HistoryTableRow = {
  id: string;
  time: string;
  phone: string;
  guest: string | null;
  campaignId: string;
  campaignName: string;
  provider: string;
  sender: string;
  status: MessageStatus;
  cost: string;
  segments: number;
  reason: string | null;
  excerpt: string;
};

// Row links don't prefetch: a page of 50 rows would otherwise fetch 100 pages from the server per visit.
const columns: ColumnDef<HistoryTableRow, unknown>[] = [
  { header: "Time", accessorKey: "time", meta: { className: "whitespace-nowrap" } },
  {
    header: "To",
    accessorKey: "phone",
    cell: ({ row }) => (
      <Link
        prefetch={false}
        href={`/history/${row.original.id}`}
        className="underline-offset-4 hover:underline"
        aria-label={`Message ${row.original.id} to ${row.original.phone}`}
      >
        {row.original.guest ? <span className="block font-medium">{row.original.guest}</span> : null}
        <span className="font-mono text-xs whitespace-nowrap">{row.original.phone}</span>
      </Link>
    ),
  },
  {
    header: "Status",
    accessorKey: "status",
    cell: ({ row }) => <DeliveryStateBadge status={row.original.status} />,
  },
  {
    header: "Campaign",
    accessorKey: "campaignName",
    cell: ({ row }) => (
      <div className="min-w-32">
        <Link
          prefetch={false}
          href={`/campaigns/${row.original.campaignId}`}
          className="underline-offset-4 hover:underline"
        >
          {row.original.campaignName}
        </Link>
        <span className="block text-xs text-muted-foreground">
          {row.original.provider} · {row.original.sender}
        </span>
      </div>
    ),
  },
  { header: "Cost", accessorKey: "cost", meta: { className: "text-right tabular-nums whitespace-nowrap" } },
  {
    header: "Reason",
    accessorKey: "reason",
    cell: ({ row }) => <span className="line-clamp-2 min-w-40 text-muted-foreground">{row.original.reason ?? ""}</span>,
  },
];

/** One page of history (TanStack Table; the server already filtered, sorted and paged it). */
export function HistoryTable({ rows }: { rows: HistoryTableRow[] }) {
  return (
    <div className="overflow-x-auto" data-testid="history-table">
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        caption="Messages"
        emptyMessage="No messages match these filters."
      />
    </div>
  );
}
