"use client";

import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

const NUMBER = new Intl.NumberFormat("en-GB");

/** A sortable column header; the sort lives in the URL as "<key>.<asc|desc>". */
export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: string;
  sort: string;
  onSort: (s: string) => void;
}) {
  const [key, dir] = sort.split(".");
  const active = key === sortKey;
  const next = active && dir === "asc" ? "desc" : active ? "asc" : sortKey === "created" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      className="-ml-2 inline-flex items-center gap-1 rounded px-2 py-1 hover:bg-accent"
      onClick={() => onSort(`${sortKey}.${next}`)}
      aria-label={`Sort by ${label.toLowerCase()}`}
    >
      {label}
      <Icon className="size-3.5 text-muted-foreground" aria-hidden />
    </button>
  );
}

/** Count, page size and page buttons under the table. */
export function TableFooter({
  total,
  page,
  pageCount,
  pageSize,
  onNavigate,
}: {
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  onNavigate: (updates: Record<string, string | null>, resetPage?: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted-foreground" data-testid="contacts-total">
        {NUMBER.format(total)} {total === 1 ? "guest" : "guests"}
      </p>
      <div className="flex items-center gap-2">
        <NativeSelect
          aria-label="Rows per page"
          value={String(pageSize)}
          onChange={(e) => onNavigate({ size: e.target.value })}
          className="h-9 w-20"
        >
          {[25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </NativeSelect>
        <span className="whitespace-nowrap">
          Page {NUMBER.format(page)} of {NUMBER.format(pageCount)}
        </span>
        <Button
          variant="outline"
          size="icon"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => onNavigate({ page: String(page - 1) }, false)}
        >
          <ChevronLeft aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          aria-label="Next page"
          disabled={page >= pageCount}
          onClick={() => onNavigate({ page: String(page + 1) }, false)}
        >
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </div>
  );
}
