import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { type StaticColumn, StaticTable } from "@/components/data-table/static-table";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { storedText } from "@/lib/campaigns/stored-words";
import { RecipientsFrame } from "./recipients-frame";

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

/**
 * A campaign's recipients by keyset, filtered by status through the URL (shareable, survives refresh). The table
 * is read-only and renders on the server; the filter and paging are the client frame around it.
 */
export function RecipientsTable(props: {
  rows: RecipientRow[];
  total: number;
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
}) {
  const t = useTranslations("Campaigns.recipients");
  const tAll = useTranslations();
  const format = useFormatter();
  const columns: StaticColumn<RecipientRow>[] = [
    {
      id: "phone",
      header: t("columns.guest"),
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
    },
    // The reason sits under the badge, so a phone shows it without scrolling the table sideways.
    {
      id: "status",
      header: t("columns.status"),
      cell: (r) => (
        <div className="min-w-44 max-w-80 space-y-1">
          <DeliveryStateBadge status={r.status} />
          {r.detail ? (
            <p className="text-xs whitespace-normal text-muted-foreground">{storedText(tAll, format, r.detail)}</p>
          ) : null}
        </div>
      ),
    },
    { id: "sentAt", header: t("columns.sent"), className: "whitespace-nowrap", cell: (r) => r.sentAt ?? "—" },
    { id: "segments", header: t("columns.segments"), className: "text-right", cell: (r) => r.segments },
    { id: "cost", header: t("columns.cost"), className: "text-right whitespace-nowrap", cell: (r) => r.cost ?? "—" },
  ];
  return (
    <RecipientsFrame
      total={props.total}
      listedWith={props.listedWith}
      nextCursor={props.nextCursor}
      prevCursor={props.prevCursor}
    >
      <StaticTable
        rows={props.rows}
        rowKey={(r) => r.id}
        columns={columns}
        caption={t("caption")}
        emptyMessage={t("empty")}
      />
    </RecipientsFrame>
  );
}
