"use client";

import { ChevronLeft, ChevronRight, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportAnalysis } from "@/lib/contacts/import/import-contacts";
import { PREVIEW_PAGE_ROWS, type PreviewFilter } from "@/lib/contacts/import/import-preview";
import { problemText } from "@/lib/contacts/problem";

type Props = {
  analysis: ImportAnalysis;
  /** A page is being fetched (or the whole file analysed again). */
  loading: boolean;
  error: string | null;
  onShow: (page: number, filter: PreviewFilter) => void;
  onDownloadRejected: () => void;
};

/**
 * Step 3 of the import: counts, then every row of the file a page at a time (the server keeps the analysed
 * rows, so a 100,000-row file never reaches the browser at once), or only the rejected rows with their reasons.
 */
export function ImportPreviewTable({ analysis, loading, error, onShow, onDownloadRejected }: Props) {
  const t = useTranslations("Contacts.import.preview");
  const tCommon = useTranslations("Common");
  const tAll = useTranslations();
  const { preview } = analysis;
  const rejected = analysis.invalid + analysis.duplicates;
  const first = preview.matching === 0 ? 0 : (preview.page - 1) * PREVIEW_PAGE_ROWS + 1;
  const last = first === 0 ? 0 : first + preview.rows.length - 1;
  const filters: { filter: PreviewFilter; label: string }[] = [
    { filter: "all", label: t("allRows", { count: analysis.rows }) },
    { filter: "rejected", label: t("rejectedOnly", { count: rejected }) },
  ];

  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="import-summary">
        {t.rich("summary", {
          rows: analysis.rows,
          valid: analysis.valid,
          invalid: analysis.invalid,
          duplicates: analysis.duplicates,
          existing: analysis.existing,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <fieldset aria-label={t("rowsToShow")} className="inline-flex rounded-md border p-0.5">
          {filters.map(({ filter, label }) => (
            <Button
              key={filter}
              type="button"
              size="sm"
              variant={preview.filter === filter ? "secondary" : "ghost"}
              aria-pressed={preview.filter === filter}
              disabled={loading}
              onClick={() => preview.filter !== filter && onShow(1, filter)}
            >
              {label}
            </Button>
          ))}
        </fieldset>
        {rejected > 0 ? (
          <Button type="button" variant="outline" size="sm" onClick={onDownloadRejected} disabled={loading}>
            <Download aria-hidden /> {t("downloadRejected")}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border" aria-busy={loading}>
        <Table data-testid="import-preview">
          <caption className="sr-only">
            {preview.filter === "rejected" ? t("captionRejected", { first, last }) : t("captionAll", { first, last })}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHead className="w-16">{t("row")}</TableHead>
              <TableHead>{t("phoneAsWritten")}</TableHead>
              <TableHead>{t("result")}</TableHead>
              <TableHead className="hidden sm:table-cell">{t("name")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody className={loading ? "opacity-60" : undefined}>
            {preview.rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={4} className="text-center text-sm text-muted-foreground">
                  {preview.filter === "rejected" ? t("noneRejected") : t("noRows")}
                </TableCell>
              </TableRow>
            ) : (
              preview.rows.map((p) => (
                <TableRow key={p.row}>
                  <TableCell className="tabular-nums">{p.row}</TableCell>
                  <TableCell className="font-mono text-xs break-all">{p.value}</TableCell>
                  <TableCell className="text-sm whitespace-normal">
                    {p.phone ? (
                      <span className="flex flex-wrap items-center gap-1">
                        <span className="tabular-nums">{p.phone}</span>
                        {p.exists ? <Badge variant="secondary">{t("inGuestBook")}</Badge> : null}
                        {p.warning ? (
                          <span className="text-xs text-warning">{problemText(tAll, p.warning)}</span>
                        ) : null}
                      </span>
                    ) : (
                      <span className="text-destructive">{p.error ? problemText(tAll, p.error) : null}</span>
                    )}
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">{p.name}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <nav aria-label={t("pages")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted-foreground" data-testid="import-preview-range">
          {preview.matching === 0
            ? t(preview.filter === "rejected" ? "nothingRejected" : "nothing")
            : preview.filter === "rejected"
              ? t("rangeRejected", { first, last, total: preview.matching })
              : t("range", { first, last, total: preview.matching })}
        </p>
        {preview.pageCount > 1 ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={loading || preview.page <= 1}
              onClick={() => onShow(preview.page - 1, preview.filter)}
            >
              <ChevronLeft aria-hidden />
              <span className="sr-only sm:not-sr-only">{tCommon("previous")}</span>
            </Button>
            <form
              className="flex items-center gap-1.5"
              onSubmit={(e) => {
                e.preventDefault();
                const wanted = Number(new FormData(e.currentTarget).get("page"));
                if (Number.isInteger(wanted) && wanted >= 1)
                  onShow(Math.min(wanted, preview.pageCount), preview.filter);
              }}
            >
              <label htmlFor="import-preview-page" className="text-muted-foreground">
                {t("page")}
              </label>
              <Input
                key={`${preview.filter}-${preview.page}`}
                id="import-preview-page"
                name="page"
                type="number"
                inputMode="numeric"
                min={1}
                max={preview.pageCount}
                defaultValue={preview.page}
                disabled={loading}
                className="h-8 w-20 tabular-nums"
              />
              <span className="whitespace-nowrap text-muted-foreground">
                {t("ofPages", { pages: preview.pageCount })}
              </span>
            </form>
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={loading || preview.page >= preview.pageCount}
              onClick={() => onShow(preview.page + 1, preview.filter)}
            >
              <span className="sr-only sm:not-sr-only">{tCommon("next")}</span>
              <ChevronRight aria-hidden />
            </Button>
          </div>
        ) : null}
      </nav>
    </div>
  );
}
