"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { dateColumn, statusColumn, textColumn } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useDataTable } from "@/components/data-table/use-data-table";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import { StoredText } from "@/components/stored-text";
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

type Translator = ReturnType<typeof useTranslations<"History.table">>;

// Row links don't prefetch: a page of 50 rows would otherwise fetch 100 pages from the server per visit.
const columnsIn = (t: Translator): ColumnDef<HistoryTableRow, unknown>[] => [
  dateColumn<HistoryTableRow>("time", t("time")),
  textColumn<HistoryTableRow>("phone", t("to"), {
    cell: (r) => (
      <Link
        prefetch={false}
        href={`/history/${r.id}`}
        className="underline-offset-4 hover:underline"
        aria-label={t("messageTo", { id: r.id, phone: r.phone })}
      >
        {r.guest ? <span className="block font-medium">{r.guest}</span> : null}
        <span className="font-mono text-xs whitespace-nowrap">{r.phone}</span>
      </Link>
    ),
  }),
  statusColumn<HistoryTableRow>("status", t("status"), (r) => <DeliveryStateBadge status={r.status} />),
  textColumn<HistoryTableRow>("campaignName", t("campaign"), {
    cell: (r) => (
      <div className="min-w-32">
        <Link prefetch={false} href={`/campaigns/${r.campaignId}`} className="underline-offset-4 hover:underline">
          {r.campaignName}
        </Link>
        <span className="block text-xs text-muted-foreground">
          {r.provider} · {r.sender}
        </span>
      </div>
    ),
  }),
  textColumn<HistoryTableRow>("cost", t("cost"), { className: "text-right tabular-nums whitespace-nowrap" }),
  textColumn<HistoryTableRow>("reason", t("reason"), {
    cell: (r) => (
      <span className="line-clamp-2 min-w-40 text-muted-foreground">
        {r.reason ? <StoredText text={r.reason} /> : null}
      </span>
    ),
  }),
];

/** One page of history, newest first (the server already filtered it and paged it by keyset). */
export function HistoryTable({
  rows,
  listedWith,
  newerCursor,
  olderCursor,
}: {
  rows: HistoryTableRow[];
  listedWith: string;
  newerCursor: string | null;
  olderCursor: string | null;
}) {
  const t = useTranslations("History.table");
  const table = useDataTable({ data: rows, columns: columnsIn(t), getRowId: (r) => r.id });
  return (
    <div className="space-y-3">
      <DataTable table={table} caption={t("caption")} emptyMessage={t("empty")} data-testid="history-table" />
      <DataTablePagination
        listedWith={listedWith}
        nextCursor={olderCursor}
        prevCursor={newerCursor}
        labels={{ prev: t("newer"), next: t("older") }}
      />
    </div>
  );
}
