"use client";

import type { ColumnDef, Row } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { DataTableColumnMeta } from "./data-table";

// Column helpers keep each table's column file short and alike. Times arrive as text: the page formats them
// on the server in the restaurant's time zone (lib/time/zoned.ts), so every device shows the same moment.

type Options = { className?: string };
type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T] & string;

const meta = (className?: string): DataTableColumnMeta => ({ className });

/** Plain text from a field; `cell` may render more (a link, a second line, badges). */
export function textColumn<T>(
  key: keyof T & string,
  header: ReactNode,
  options: Options & { cell?: (row: T) => ReactNode } = {},
): ColumnDef<T, unknown> {
  return {
    id: key,
    header: () => header,
    meta: meta(options.className),
    cell: ({ row }) => (options.cell ? options.cell(row.original) : ((row.original[key] as ReactNode) ?? "—")),
  };
}

/** A moment already formatted in the restaurant's zone ("Fri 27 Nov, 16:00"), kept on one line. */
export function dateColumn<T>(
  key: KeysOfType<T, string | null>,
  header: ReactNode,
  options: Options & { empty?: string } = {},
): ColumnDef<T, unknown> {
  return {
    id: key,
    header: () => header,
    meta: meta(`whitespace-nowrap ${options.className ?? ""}`.trim()),
    cell: ({ row }) => (row.original[key] as string | null) ?? options.empty ?? "—",
  };
}

/** A status badge (campaign, delivery, consent), with optional detail under it. */
export function statusColumn<T>(
  id: string,
  header: ReactNode,
  badge: (row: T) => ReactNode,
  options: Options = {},
): ColumnDef<T, unknown> {
  return { id, header: () => header, meta: meta(options.className), cell: ({ row }) => badge(row.original) };
}

/** Tick boxes for row selection (the header ticks the whole page; shift-free, keyboard-friendly). */
export function selectColumn<T>(label: (row: T) => string): ColumnDef<T, unknown> {
  return {
    id: "select",
    meta: meta("w-10"),
    header: ({ table }) => (
      <SelectAllBox
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
      />
    ),
    cell: ({ row }: { row: Row<T> }) => (
      <SelectRowBox
        label={label(row.original)}
        checked={row.getIsSelected()}
        onChange={(checked) => row.toggleSelected(checked)}
      />
    ),
  };
}

/** A narrow last column for a row's menu; its header is for screen readers only. */
export function actionsColumn<T>(render: (row: T) => ReactNode): ColumnDef<T, unknown> {
  return {
    id: "actions",
    header: () => <ActionsHeader />,
    meta: meta("w-12 text-right"),
    cell: ({ row }) => render(row.original),
  };
}

// Cells and headers render as components, so they may read the translations.

function SelectAllBox(props: { checked: boolean; indeterminate: boolean; onChange: (checked: boolean) => void }) {
  const t = useTranslations("Shell.table");
  return (
    <input
      type="checkbox"
      className="size-4 accent-primary"
      aria-label={t("selectAll")}
      checked={props.checked}
      ref={(el) => {
        if (el) el.indeterminate = props.indeterminate;
      }}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

function SelectRowBox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useTranslations("Shell.table");
  return (
    <input
      type="checkbox"
      className="size-4 accent-primary"
      aria-label={t("selectRow", { label: props.label })}
      checked={props.checked}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

function ActionsHeader() {
  const t = useTranslations("Shell.table");
  return <span className="sr-only">{t("actions")}</span>;
}
