"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { useTranslations } from "next-intl";
import { dateColumn, selectColumn, statusColumn, textColumn } from "@/components/data-table/columns";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { Badge } from "@/components/ui/badge";
import { ConsentBadge } from "./consent-badge";

export type ContactRow = {
  id: string;
  name: string;
  phone: string;
  tags: string[];
  consent: "granted" | "withdrawn" | "none";
  birthday: string;
  /** The day the guest was added, formatted on the server in the restaurant's zone. */
  added: string;
  groups: string[];
};

type Translator = ReturnType<typeof useTranslations<"Contacts.table">>;

/** The guest book's columns; on a phone only the name (with the phone under it) and consent stay. */
export function getContactColumns(
  t: Translator,
  sort: string,
  onSort: (sort: string) => void,
): ColumnDef<ContactRow, unknown>[] {
  const header = (label: string, key: string, firstDirection: "asc" | "desc" = "asc") => (
    <DataTableColumnHeader label={label} sortKey={key} sort={sort} onSort={onSort} firstDirection={firstDirection} />
  );
  return [
    selectColumn<ContactRow>((r) => r.name || r.phone),
    textColumn<ContactRow>("name", header(t("name"), "name"), {
      cell: (r) => (
        <div className="min-w-0">
          <Link prefetch={false} href={`/contacts/${r.id}`} className="font-medium hover:underline">
            {r.name || <span className="text-muted-foreground">{t("noName")}</span>}
          </Link>
          <div className="text-xs text-muted-foreground sm:hidden">{r.phone}</div>
        </div>
      ),
    }),
    textColumn<ContactRow>("phone", header(t("phone"), "phone"), {
      className: "hidden sm:table-cell",
      cell: (r) => <span className="whitespace-nowrap tabular-nums">{r.phone}</span>,
    }),
    statusColumn<ContactRow>("consent", t("consent"), (r) => <ConsentBadge state={r.consent} />),
    textColumn<ContactRow>("groups", t("groups"), {
      className: "hidden md:table-cell",
      cell: (r) => <span className="text-sm text-muted-foreground">{r.groups.join(", ")}</span>,
    }),
    textColumn<ContactRow>("tags", t("tags"), {
      className: "hidden lg:table-cell",
      cell: (r) => (
        <div className="flex flex-wrap gap-1">
          {r.tags.map((t) => (
            <Badge key={t} variant="secondary">
              {t}
            </Badge>
          ))}
        </div>
      ),
    }),
    textColumn<ContactRow>("birthday", t("birthday"), {
      className: "hidden xl:table-cell",
      cell: (r) => <span className="whitespace-nowrap text-sm">{r.birthday}</span>,
    }),
    dateColumn<ContactRow>("added", header(t("added"), "created", "desc"), {
      className: "hidden text-sm text-muted-foreground md:table-cell",
    }),
  ];
}
