"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { dateColumn, statusColumn, textColumn } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import { StoredText } from "@/components/stored-text";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { recipientTableParsers } from "@/lib/campaigns/campaign-table-params";
import { DELIVERY_STATES, type DeliveryState } from "@/lib/campaigns/delivery-status";

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

type T = ReturnType<typeof useTranslations<"Campaigns.recipients">>;

const recipientColumns = (t: T): ColumnDef<RecipientRow, unknown>[] => [
  textColumn<RecipientRow>("phone", t("columns.guest"), {
    cell: (r) => (
      <div className="min-w-36">
        {r.name && r.contactId ? (
          <Link href={`/contacts/${r.contactId}`} className="font-medium underline-offset-4 hover:underline">
            {r.name}
          </Link>
        ) : (
          <span className="text-muted-foreground">{r.contactId ? t("noName") : t("notInGuestBook")}</span>
        )}
        <div>
          <Link
            href={`/history/${r.id}`}
            className="font-mono text-xs whitespace-nowrap underline-offset-4 hover:underline"
          >
            {r.phone}
          </Link>
        </div>
      </div>
    ),
  }),
  // The reason sits under the badge, so a phone shows it without scrolling the table sideways.
  statusColumn<RecipientRow>("status", t("columns.status"), (r) => (
    <div className="min-w-44 max-w-80 space-y-1">
      <DeliveryStateBadge status={r.status} />
      {r.detail ? (
        <p className="text-xs whitespace-normal text-muted-foreground">
          <StoredText text={r.detail} />
        </p>
      ) : null}
    </div>
  )),
  dateColumn<RecipientRow>("sentAt", t("columns.sent")),
  textColumn<RecipientRow>("segments", t("columns.segments"), { className: "text-right" }),
  textColumn<RecipientRow>("cost", t("columns.cost"), { className: "text-right whitespace-nowrap" }),
];

/** A campaign's recipients by keyset, filtered by status through the URL (shareable, survives refresh). */
export function RecipientsTable(props: {
  rows: RecipientRow[];
  total: number;
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
}) {
  const t = useTranslations("Campaigns.recipients");
  const tCommon = useTranslations("Common");
  const columns = useMemo(() => recipientColumns(t), [t]);
  const url = useTableUrlState(recipientTableParsers);
  const table = useDataTable({ data: props.rows, columns, getRowId: (r) => r.id });
  return (
    <div className="space-y-3" aria-busy={url.pending}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="w-48">
          <Select
            value={url.state.state ?? "all"}
            onValueChange={(v) => url.setFilters({ state: v === "all" ? null : (v as DeliveryState) })}
          >
            <SelectTrigger aria-label={t("filterLabel")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">{t("allStatuses")}</SelectItem>
              {DELIVERY_STATES.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`deliveryStates.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      <DataTable table={table} caption={t("caption")} emptyMessage={t("empty")} />
      <DataTablePagination
        listedWith={props.listedWith}
        nextCursor={props.nextCursor}
        prevCursor={props.prevCursor}
        total={{ count: props.total, one: t("recipientOne"), many: t("recipientMany") }}
        labels={{ prev: tCommon("previous"), next: tCommon("next") }}
      />
    </div>
  );
}
