"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";

/**
 * A sortable column header for a server-sorted table; the sort lives in the URL as "<key>.<asc|desc>". A first
 * click sorts the column its natural way (newest first for dates, A to Z otherwise), the next reverses it.
 */
export function DataTableColumnHeader({
  label,
  sortKey,
  sort,
  onSort,
  firstDirection = "asc",
}: {
  label: string;
  sortKey: string;
  sort: string;
  onSort: (sort: string) => void;
  firstDirection?: "asc" | "desc";
}) {
  const t = useTranslations("Shell.table");
  const [key, dir] = sort.split(".");
  const active = key === sortKey;
  const next = active ? (dir === "asc" ? "desc" : "asc") : firstDirection;
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      className="-ml-2 inline-flex items-center gap-1 rounded px-2 py-1 hover:bg-accent"
      onClick={() => onSort(`${sortKey}.${next}`)}
      aria-label={t("sortBy", { label: label.toLowerCase() })}
    >
      {label}
      <Icon className="size-3.5 text-muted-foreground" aria-hidden />
    </button>
  );
}
