"use client";

import { FileUp } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/form-message";
import type { VisitImportAnalysis, VisitImportResult } from "@/lib/visits/import/import-visits";
import { errorOf } from "../import/error-of";

type Problem = { key: string; values?: Record<string, string | number> };

/** Choose a file → preview every row with its reason → import all valid rows at once → result. */
export function VisitsImport({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("Contacts.visitsImport");
  const tAll = useTranslations();
  const format = useFormatter();
  const words = { answered: (status: number) => t("status", { status }), tooLarge: t("tooLarge") };
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<VisitImportAnalysis | null>(null);
  const [result, setResult] = useState<VisitImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const reason = (p: Problem) => (tAll as unknown as (k: string, v?: Problem["values"]) => string)(p.key, p.values);

  async function send(path: string, f: File, view = "") {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/contacts/import-visits/${path}?name=${encodeURIComponent(f.name)}${view}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: f,
      });
      if (!res.ok) {
        setError(await errorOf(res, words));
        return null;
      }
      return await res.json();
    } catch {
      setError(t("sendFailed"));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function choose(f: File | undefined) {
    if (!f) return;
    setFile(f);
    setResult(null);
    setAnalysis(null);
    if (f.size > maxBytes) return setError(words.tooLarge);
    setAnalysis(await send("analyze", f));
  }

  async function view(page: number, filter: "all" | "rejected") {
    if (file) setAnalysis((await send("analyze", file, `&page=${page}&filter=${filter}`)) ?? analysis);
  }

  async function run() {
    if (!file) return;
    const done = (await send("run", file)) as VisitImportResult | null;
    if (done) {
      setResult(done);
      setAnalysis(null);
    }
  }

  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="space-y-3">
          <p className="text-sm text-muted-foreground">
            {t.rich("columns", {
              // Column headings are the file's own words, the same in every language.
              col: (chunks) => (
                <code lang="en" className="font-mono text-foreground">
                  {chunks}
                </code>
              ),
            })}
          </p>
          <input
            ref={inputRef}
            type="file"
            accept=".csv,.txt,.tsv,text/csv"
            className="sr-only"
            aria-label={t("choose")}
            data-testid="visits-file"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          <Button type="button" variant="outline" onClick={() => inputRef.current?.click()} disabled={busy}>
            <FileUp aria-hidden /> {file ? t("chooseAnother") : t("choose")}
          </Button>
          {file ? <p className="text-sm">{file.name}</p> : null}
          <FieldError>{error}</FieldError>
        </CardContent>
      </Card>

      {analysis ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("previewTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <p className="text-sm" data-testid="visits-counts">
              {t("counts", { rows: analysis.rows, valid: analysis.valid, rejected: analysis.rejected })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                size="sm"
                variant={analysis.filter === "all" ? "secondary" : "ghost"}
                onClick={() => void view(1, "all")}
                disabled={busy}
              >
                {t("showAll")}
              </Button>
              <Button
                type="button"
                size="sm"
                variant={analysis.filter === "rejected" ? "secondary" : "ghost"}
                onClick={() => void view(1, "rejected")}
                disabled={busy}
              >
                {t("showRejected")}
              </Button>
            </div>
            <ol className="divide-y rounded-md border text-sm" aria-label={t("rowsLabel")}>
              {analysis.preview.map((r) => (
                <li key={r.row} className="flex flex-col gap-0.5 px-3 py-2">
                  <span className="font-medium">
                    {t("row", { row: r.row })} · <span className="tabular-nums">{r.phone ?? r.value}</span>
                  </span>
                  {r.error ? (
                    <span className="text-destructive">{reason(r.error)}</span>
                  ) : (
                    <span className="text-muted-foreground">
                      {[
                        r.at,
                        r.partySize !== null ? t("party", { count: r.partySize }) : null,
                        r.spend !== null && r.currency
                          ? format.number(Number(r.spend), { style: "currency", currency: r.currency })
                          : null,
                        r.externalId,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  )}
                </li>
              ))}
            </ol>
            {analysis.pageCount > 1 ? (
              <div className="flex items-center gap-2 text-sm">
                <Button
                  size="sm"
                  variant="outline"
                  disabled={busy || analysis.page <= 1}
                  onClick={() => void view(analysis.page - 1, analysis.filter)}
                >
                  {t("previous")}
                </Button>
                <span>{t("page", { page: analysis.page, pages: analysis.pageCount })}</span>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={busy || analysis.page >= analysis.pageCount}
                  onClick={() => void view(analysis.page + 1, analysis.filter)}
                >
                  {t("next")}
                </Button>
              </div>
            ) : null}
            <Button type="button" onClick={() => void run()} disabled={busy || analysis.valid === 0}>
              {busy ? t("importing") : t("import", { count: analysis.valid })}
            </Button>
          </CardContent>
        </Card>
      ) : null}

      {result ? (
        <Alert>
          <AlertTitle>{t("doneTitle")}</AlertTitle>
          <AlertDescription data-testid="visits-result">
            {t("done", {
              imported: result.imported,
              already: result.alreadyImported,
              rejected: result.rejected.length,
            })}
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
