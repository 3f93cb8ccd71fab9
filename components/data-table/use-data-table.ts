"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  type RowSelectionState,
  type TableOptions,
  useReactTable,
} from "@tanstack/react-table";
import { useState } from "react";

/**
 * A TanStack table for rows the server already filtered, sorted and paged (everything manual: the URL is the
 * state, see useTableUrlState). Row selection is kept here and cleared whenever a new set of rows arrives
 * (paging, filtering, after an action), so nothing off screen stays selected by accident.
 */
export function useDataTable<TData>(
  options: {
    data: TData[];
    columns: ColumnDef<TData, unknown>[];
    getRowId: (row: TData) => string;
    enableRowSelection?: boolean;
  } & Partial<Pick<TableOptions<TData>, "meta">>,
) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [rowsSeen, setRowsSeen] = useState(options.data);
  if (rowsSeen !== options.data) {
    setRowsSeen(options.data);
    setRowSelection({});
  }
  return useReactTable({
    data: options.data,
    columns: options.columns,
    getRowId: options.getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableRowSelection: options.enableRowSelection ?? false,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    meta: options.meta,
  });
}

/** The ids of the ticked rows. */
export function selectedRowIds(selection: RowSelectionState): string[] {
  return Object.keys(selection).filter((id) => selection[id]);
}
