"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * Above a table: a search box (controlled by the URL state; the hook debounces the server request), the
 * table's filters, and "Clear filters" while any is set. On a phone everything stacks.
 */
export function DataTableToolbar({
  search,
  children,
  onClear,
}: {
  search?: { value: string; label: string; placeholder: string; onChange: (value: string, now?: boolean) => void };
  children?: React.ReactNode;
  /** Shown while a filter or search is set. */
  onClear?: (() => void) | null;
}) {
  const t = useTranslations("Shell.table");
  return (
    <div className="flex flex-col gap-2 lg:flex-row lg:items-center">
      {search ? (
        <div className="relative lg:max-w-xs lg:flex-1">
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            type="search"
            aria-label={search.label}
            placeholder={search.placeholder}
            className="pl-9"
            value={search.value}
            onChange={(e) => search.onChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") search.onChange(e.currentTarget.value, true);
            }}
          />
        </div>
      ) : null}
      {children}
      {onClear ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          <X aria-hidden /> {t("clearFilters")}
        </Button>
      ) : null}
    </div>
  );
}
