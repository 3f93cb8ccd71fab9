"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { DataTable } from "@/components/data-table/data-table";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { DELIVERY_STATE_LABELS, DELIVERY_STATES, type DeliveryState } from "@/lib/campaigns/delivery-status";

export type RecipientRow = {
  id: string;
  phone: string;
  contactId: string | null;
  /** The guest's name from the guest book; null for pasted numbers or guests without a name. */
  name: string | null;
  status: MessageStatus;
  segments: number;
  /** Formatted in the provider's unit ("1 point"); null when nothing was charged. */
  cost: string | null;
  detail: string | null;
  sentAt: string | null;
};

const columns: ColumnDef<RecipientRow, unknown>[] = [
  {
    header: "Guest",
    accessorKey: "phone",
    cell: ({ row }) => (
      <div className="min-w-36">
        {row.original.name && row.original.contactId ? (
          <Link href={`/contacts/${row.original.contactId}`} className="font-medium underline-offset-4 hover:underline">
            {row.original.name}
          </Link>
        ) : (
          <span className="text-muted-foreground">{row.original.contactId ? "No name" : "Not in the guest book"}</span>
        )}
        <div>
          <Link
            href={`/history/${row.original.id}`}
            className="font-mono text-xs whitespace-nowrap underline-offset-4 hover:underline"
          >
            {row.original.phone}
          </Link>
        </div>
      </div>
    ),
  },
  {
    header: "Status",
    accessorKey: "status",
    // The reason sits under the badge, so a phone shows it without scrolling the table sideways.
    cell: ({ row }) => (
      <div className="min-w-44 max-w-80 space-y-1">
        <DeliveryStateBadge status={row.original.status} />
        {row.original.detail ? (
          <p className="text-xs whitespace-normal text-muted-foreground">{row.original.detail}</p>
        ) : null}
      </div>
    ),
  },
  {
    header: "Sent",
    accessorKey: "sentAt",
    cell: ({ row }) => row.original.sentAt ?? "—",
    meta: { className: "whitespace-nowrap" },
  },
  { header: "Segments", accessorKey: "segments", meta: { className: "text-right" } },
  {
    header: "Cost",
    accessorKey: "cost",
    cell: ({ row }) => row.original.cost ?? "—",
    meta: { className: "text-right whitespace-nowrap" },
  },
];

/** Server-paginated recipients, filtered by status through the URL (shareable, survives refresh). */
export function RecipientsTable(props: {
  rows: RecipientRow[];
  total: number;
  page: number;
  pageCount: number;
  state: DeliveryState | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const href = (page: number, state: string | null) => {
    const params = new URLSearchParams();
    if (state) params.set("state", state);
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="w-48">
          <Select value={props.state ?? "all"} onValueChange={(v) => router.push(href(1, v === "all" ? null : v))}>
            <SelectTrigger aria-label="Filter by status">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">All statuses</SelectItem>
              {DELIVERY_STATES.map((s) => (
                <SelectItem key={s} value={s}>
                  {DELIVERY_STATE_LABELS[s]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <p className="text-sm text-muted-foreground">
          {props.total} {props.total === 1 ? "recipient" : "recipients"} · page {props.page} of {props.pageCount}
        </p>
      </div>
      <DataTable
        columns={columns}
        data={props.rows}
        getRowId={(r) => r.id}
        caption="Recipients"
        emptyMessage="No recipients with this status."
      />
      <div className="flex justify-end gap-2">
        <Button
          asChild
          variant="outline"
          size="sm"
          aria-disabled={props.page <= 1}
          className={props.page <= 1 ? "pointer-events-none opacity-50" : ""}
        >
          <Link href={href(props.page - 1, props.state)}>Previous</Link>
        </Button>
        <Button
          asChild
          variant="outline"
          size="sm"
          aria-disabled={props.page >= props.pageCount}
          className={props.page >= props.pageCount ? "pointer-events-none opacity-50" : ""}
        >
          <Link href={href(props.page + 1, props.state)}>Next</Link>
        </Button>
      </div>
    </div>
  );
}
