"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { selectedRowIds, useDataTable } from "@/components/data-table/use-data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { CONTACT_PAGE_SIZES, type ContactFilter, contactTableParsers } from "@/lib/contacts/contact-table-params";
import { BulkActions } from "./bulk-actions";
import { type ContactRow, getContactColumns } from "./contact-columns";

type Props = {
  rows: ContactRow[];
  total: number;
  /** The URL state these rows were listed with (for the page links). */
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
  /** The filter these rows were listed with (for "select all matching"). */
  filter: ContactFilter;
  groups: { id: string; name: string }[];
  tags: string[];
  canDelete: boolean;
};

/** The guest book table: server-side paging (keyset), sorting and filtering, all kept in the URL; bulk actions on a selection. */
export function ContactsTable({
  rows,
  total,
  listedWith,
  nextCursor,
  prevCursor,
  filter,
  groups,
  tags,
  canDelete,
}: Props) {
  const t = useTranslations("Contacts.table");
  const tc = useTranslations("Contacts.consent");
  const url = useTableUrlState(contactTableParsers);
  const { state } = url;
  const [allMatching, setAllMatching] = useState(false);
  const columns = getContactColumns(t, state.sort, (sort) => url.setFilters({ sort: sort as typeof state.sort }));
  const table = useDataTable({ data: rows, columns, getRowId: (r) => r.id, enableRowSelection: true });
  // A new set of rows (paging, filtering, after an action) also ends "all matching".
  const [seenRows, setSeenRows] = useState(rows);
  if (seenRows !== rows) {
    setSeenRows(rows);
    setAllMatching(false);
  }

  const selectedIds = selectedRowIds(table.getState().rowSelection);
  const hasFilter = Boolean(state.q || state.group || state.consent || state.tag);
  const selection = allMatching ? { filter } : selectedIds.length ? { ids: selectedIds } : null;

  return (
    <div className="space-y-3" aria-busy={url.pending}>
      <DataTableToolbar
        search={{
          value: state.q ?? "",
          label: t("searchLabel"),
          placeholder: t("searchPlaceholder"),
          onChange: (value, now) => url.setSearch("q", value, { now }),
        }}
        onClear={hasFilter ? () => url.setFilters({ q: null, group: null, consent: null, tag: null }) : null}
      >
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:flex">
          <NativeSelect
            aria-label={t("filterGroup")}
            value={state.group ?? ""}
            onChange={(e) => url.setFilters({ group: e.target.value || null })}
            className="lg:w-44"
          >
            <option value="">{t("allGroups")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={t("filterConsent")}
            value={state.consent ?? ""}
            onChange={(e) => url.setFilters({ consent: (e.target.value || null) as ContactFilter["consent"] | null })}
            className="lg:w-44"
          >
            <option value="">{t("anyConsent")}</option>
            <option value="granted">{tc("states.granted")}</option>
            <option value="none">{tc("states.none")}</option>
            <option value="withdrawn">{tc("states.withdrawn")}</option>
          </NativeSelect>
          <NativeSelect
            aria-label={t("filterTag")}
            value={state.tag ?? ""}
            onChange={(e) => url.setFilters({ tag: e.target.value || null })}
            className="col-span-2 sm:col-span-1 lg:w-40"
          >
            <option value="">{t("allTags")}</option>
            {state.tag && !tags.includes(state.tag) ? <option value={state.tag}>{state.tag}</option> : null}
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </NativeSelect>
        </div>
      </DataTableToolbar>

      {selection ? (
        <BulkActions
          selection={selection}
          count={allMatching ? total : selectedIds.length}
          groups={groups}
          canDelete={canDelete}
          onDone={() => {
            table.resetRowSelection();
            setAllMatching(false);
          }}
          extra={
            !allMatching && table.getIsAllPageRowsSelected() && total > rows.length ? (
              <Button variant="link" size="sm" className="h-auto px-0" onClick={() => setAllMatching(true)}>
                {t("selectAllMatching", { count: total })}
              </Button>
            ) : allMatching ? (
              <Button variant="link" size="sm" className="h-auto px-0" onClick={() => setAllMatching(false)}>
                {t("onlyThisPage")}
              </Button>
            ) : null
          }
        />
      ) : null}

      <DataTable table={table} caption={t("caption")} emptyMessage={hasFilter ? t("emptyFiltered") : t("empty")} />

      <DataTablePagination
        listedWith={listedWith}
        nextCursor={nextCursor}
        prevCursor={prevCursor}
        total={{ count: total, one: t("guestOne"), many: t("guestMany"), testId: "contacts-total" }}
        pageSize={{
          value: state.size,
          options: CONTACT_PAGE_SIZES,
          onChange: (size) => url.setFilters({ size: size as typeof state.size }),
        }}
        iconOnly
      />
    </div>
  );
}
