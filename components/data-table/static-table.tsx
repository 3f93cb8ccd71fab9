import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/** A column of a StaticTable: its header, its cells and classes for both (widths, `hidden md:table-cell`). */
export type StaticColumn<T> = { id: string; header: ReactNode; className?: string; cell: (row: T) => ReactNode };

/**
 * DataTable's markup rendered on the server, for a read-only table (no selection, no per-row state): the same
 * frame, caption and empty row, with no table library or cell components shipped to the browser or hydrated.
 * Paging, sorting and filtering happen on the server as for DataTable; the pagination sits around it.
 */
export function StaticTable<T>({
  rows,
  rowKey,
  columns,
  caption,
  emptyMessage,
  className,
  "data-testid": testId,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly StaticColumn<T>[];
  caption: string;
  emptyMessage?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  const t = useTranslations("Shell.table");
  return (
    <div className={cn("overflow-x-auto rounded-lg border", className)} data-testid={testId}>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHead key={column.id} className={column.className}>
                {column.header}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length ? (
            rows.map((row) => (
              <TableRow key={rowKey(row)}>
                {columns.map((column) => (
                  <TableCell key={column.id} className={column.className}>
                    {column.cell(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : (
            <TableRow>
              <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground">
                {emptyMessage ?? t("empty")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
