"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

type Props = {
  /**
   * The URL state the rows on screen were listed with (a search string without the cursor, from the server's
   * `listedQuery`). Not the live URL: while a filter change is loading, the URL already holds the new filter but
   * the rows and cursors are still the old ones, and pairing the two would page into the wrong rows.
   */
  listedWith: string;
  /** Cursors from the list query (KeysetPage); null where there is no such page. */
  nextCursor: string | null;
  prevCursor: string | null;
  /**
   * "42 guests": the whole filtered count, when the list knows it. Preferably `text`, the whole phrase from the
   * catalogue (an ICU plural); `one`/`many` are the older form (the count is formatted here, then the word).
   */
  total?: { count: number; text?: string; one?: string; many?: string; testId?: string };
  /** Rows per page, when the reader may choose. */
  pageSize?: { value: number; options: readonly number[]; onChange: (size: number) => void };
  /** Button words: "Previous"/"Next", or "Newer"/"Older" for a list newest first. */
  labels?: { prev: string; next: string };
  /** Words only, no arrows (the label is the accessible name). */
  iconOnly?: boolean;
};

/**
 * Under a table paged by keyset: the count, rows per page and links to the previous and next page. They are
 * links (the URL is the state): they work before JavaScript loads and open in a new tab.
 */
export function DataTablePagination({ listedWith, nextCursor, prevCursor, total, pageSize, labels, iconOnly }: Props) {
  const pathname = usePathname();
  const href = (key: "after" | "before", cursor: string) => {
    const next = new URLSearchParams(listedWith);
    next.delete("after");
    next.delete("before");
    next.set(key, cursor);
    return `${pathname}?${next.toString()}`;
  };
  const t = useTranslations("Shell.table");
  const format = useFormatter();
  const words = labels ?? { prev: t("previousPage"), next: t("nextPage") };
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
      {total ? (
        <p className="text-muted-foreground" data-testid={total.testId}>
          {total.text ?? `${format.number(total.count)} ${total.count === 1 ? total.one : total.many}`}
        </p>
      ) : (
        <span />
      )}
      <nav aria-label={t("pages")} className="flex items-center gap-2">
        {pageSize ? (
          <NativeSelect
            aria-label={t("rowsPerPage")}
            value={String(pageSize.value)}
            onChange={(e) => pageSize.onChange(Number(e.target.value))}
            className="h-9 w-20"
          >
            {pageSize.options.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </NativeSelect>
        ) : null}
        <PageLink href={prevCursor ? href("before", prevCursor) : null} label={words.prev} iconOnly={iconOnly}>
          <ChevronLeft aria-hidden />
        </PageLink>
        <PageLink href={nextCursor ? href("after", nextCursor) : null} label={words.next} iconOnly={iconOnly} end>
          <ChevronRight aria-hidden />
        </PageLink>
      </nav>
    </div>
  );
}

function PageLink({
  href,
  label,
  iconOnly,
  end,
  children,
}: {
  href: string | null;
  label: string;
  iconOnly?: boolean;
  end?: boolean;
  children: React.ReactNode;
}) {
  const content = iconOnly ? (
    children
  ) : end ? (
    <>
      {label} {children}
    </>
  ) : (
    <>
      {children} {label}
    </>
  );
  const size = iconOnly ? "icon" : "sm";
  if (!href) {
    return (
      <Button variant="outline" size={size} disabled aria-label={iconOnly ? label : undefined}>
        {content}
      </Button>
    );
  }
  return (
    <Button asChild variant="outline" size={size}>
      <Link href={href} aria-label={iconOnly ? label : undefined}>
        {content}
      </Link>
    </Button>
  );
}
