"use client";

import { flexRender, type Table as TanStackTable } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/** Per-column options the kit reads from `columnDef.meta`. */
export type DataTableColumnMeta = {
  /** Classes for the header and every cell (widths, `hidden md:table-cell` to drop a column on a phone). */
  className?: string;
};

const metaOf = (meta: unknown) => (meta as DataTableColumnMeta | undefined)?.className;

/**
 * The one table: renders a TanStack table instance (from useDataTable, or useReactTable for a table that
 * needs more), with a caption for screen readers and a message when there are no rows. Paging, sorting and
 * filtering happen on the server; the toolbar and pagination sit around it.
 */
export function DataTable<TData>({
  table,
  caption,
  emptyMessage,
  className,
  "data-testid": testId,
}: {
  table: TanStackTable<TData>;
  caption: string;
  emptyMessage?: React.ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  const t = useTranslations("Shell.table");
  const rows = table.getRowModel().rows;
  return (
    <div className={cn("overflow-x-auto rounded-lg border", className)} data-testid={testId}>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHead key={header.id} className={metaOf(header.column.columnDef.meta)}>
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {rows.length ? (
            rows.map((row) => (
              <TableRow key={row.id} data-state={row.getIsSelected() ? "selected" : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id} className={metaOf(cell.column.columnDef.meta)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : (
            <TableRow>
              <TableCell
                colSpan={table.getVisibleLeafColumns().length}
                className="h-24 text-center text-muted-foreground"
              >
                {emptyMessage ?? t("empty")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
