import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { type StaticColumn, StaticTable } from "@/components/data-table/static-table";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { storedText } from "@/lib/campaigns/stored-words";

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

/**
 * One page of history, newest first (the server already filtered it and paged it by keyset). Read-only, so it
 * renders on the server: a phone downloads and hydrates only its links and the pagination.
 */
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
  const tAll = useTranslations();
  const format = useFormatter();
  // Row links don't prefetch: a page of 50 rows would otherwise fetch 100 pages from the server per visit.
  const columns: StaticColumn<HistoryTableRow>[] = [
    { id: "time", header: t("time"), className: "whitespace-nowrap", cell: (r) => r.time },
    {
      id: "phone",
      header: t("to"),
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
    },
    { id: "status", header: t("status"), cell: (r) => <DeliveryStateBadge status={r.status} /> },
    {
      id: "campaignName",
      header: t("campaign"),
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
    },
    { id: "cost", header: t("cost"), className: "text-right tabular-nums whitespace-nowrap", cell: (r) => r.cost },
    {
      id: "reason",
      header: t("reason"),
      cell: (r) => (
        <span className="line-clamp-2 min-w-40 text-muted-foreground">
          {r.reason ? storedText(tAll, format, r.reason) : null}
        </span>
      ),
    },
  ];
  return (
    <div className="space-y-3">
      <StaticTable
        rows={rows}
        rowKey={(r) => r.id}
        columns={columns}
        caption={t("caption")}
        emptyMessage={t("empty")}
        data-testid="history-table"
      />
      <DataTablePagination
        listedWith={listedWith}
        nextCursor={olderCursor}
        prevCursor={newerCursor}
        labels={{ prev: t("newer"), next: t("older") }}
      />
    </div>
  );
}
