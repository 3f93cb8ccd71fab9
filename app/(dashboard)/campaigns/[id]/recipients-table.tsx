"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { MESSAGE_STATUSES, type MessageStatus } from "@/drizzle/schema/campaign-statuses";

export type RecipientRow = {
  id: string;
  phone: string;
  status: MessageStatus;
  segments: number;
  cost: number | null;
  detail: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
};

const VARIANT: Partial<Record<MessageStatus, "success" | "warning" | "destructive" | "secondary" | "outline">> = {
  delivered: "success",
  accepted: "secondary",
  scheduled: "secondary",
  queued: "outline",
  sending: "outline",
  undelivered: "destructive",
  rejected: "destructive",
  failed: "destructive",
  cancelled: "outline",
  expired: "warning",
  buffered: "warning",
  unknown: "outline",
};

const columns: ColumnDef<RecipientRow, unknown>[] = [
  {
    header: "Phone",
    accessorKey: "phone",
    cell: ({ row }) => (
      <Link href={`/history/${row.original.id}`} className="underline-offset-4 hover:underline">
        {row.original.phone}
      </Link>
    ),
    meta: { className: "font-mono text-xs whitespace-nowrap" },
  },
  {
    header: "Status",
    accessorKey: "status",
    cell: ({ row }) => <Badge variant={VARIANT[row.original.status] ?? "outline"}>{row.original.status}</Badge>,
  },
  { header: "Sent", accessorKey: "sentAt", cell: ({ row }) => row.original.sentAt ?? "—", meta: { className: "whitespace-nowrap" } },
  { header: "Segments", accessorKey: "segments", meta: { className: "text-right" } },
  { header: "Cost", accessorKey: "cost", cell: ({ row }) => row.original.cost ?? "—", meta: { className: "text-right" } },
  { header: "Detail", accessorKey: "detail", cell: ({ row }) => row.original.detail ?? "", meta: { className: "text-muted-foreground" } },
];

/** Server-paginated recipients, filtered by status through the URL (shareable, survives refresh). */
export function RecipientsTable(props: { rows: RecipientRow[]; total: number; page: number; pageCount: number; status: MessageStatus | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const href = (page: number, status: string | null) => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="w-48">
          <Select value={props.status ?? "all"} onValueChange={(v) => router.push(href(1, v === "all" ? null : v))}>
            <SelectTrigger aria-label="Filter by status">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">All statuses</SelectItem>
              {MESSAGE_STATUSES.map((s) => (
                <SelectItem key={s} value={s}>
                  {s}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <p className="text-sm text-muted-foreground">
          {props.total} {props.total === 1 ? "recipient" : "recipients"} · page {props.page} of {props.pageCount}
        </p>
      </div>
      <DataTable columns={columns} data={props.rows} getRowId={(r) => r.id} caption="Recipients" emptyMessage="No recipients with this status." />
      <div className="flex justify-end gap-2">
        <Button asChild variant="outline" size="sm" aria-disabled={props.page <= 1} className={props.page <= 1 ? "pointer-events-none opacity-50" : ""}>
          <Link href={href(props.page - 1, props.status)}>Previous</Link>
        </Button>
        <Button
          asChild
          variant="outline"
          size="sm"
          aria-disabled={props.page >= props.pageCount}
          className={props.page >= props.pageCount ? "pointer-events-none opacity-50" : ""}
        >
          <Link href={href(props.page + 1, props.status)}>Next</Link>
        </Button>
      </div>
    </div>
  );
}
