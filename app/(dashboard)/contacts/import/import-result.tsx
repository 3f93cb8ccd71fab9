"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ImportResult } from "@/lib/contacts/import/import-contacts";
import type { RejectedRow } from "@/lib/contacts/import/prepare-rows";
import { rejectedRowsCsv } from "@/lib/contacts/import/rejected-report";
import { type Problem, problemText } from "@/lib/contacts/problem";

/** Saves the rejected-rows report (row number, phone as written, reason) as a CSV download. */
export function downloadRejectedRows(rows: RejectedRow[], text: (problem: Problem) => string) {
  saveCsvDownload(new Blob([rejectedRowsCsv(rows, text)], { type: "text/csv;charset=utf-8" }), "rejected-rows.csv");
}

/** Hands a CSV the page already has to the browser as a download. */
export function saveCsvDownload(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** What an import did, with the rejected-rows report. */
export function ImportResultCard({ result: r }: { result: ImportResult }) {
  const t = useTranslations("Contacts.import.result");
  const tAll = useTranslations();
  return (
    <Card data-testid="import-result">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          <li>{t.rich("created", { count: r.created, strong })}</li>
          <li>{t.rich("updated", { count: r.updated, strong })}</li>
          <li>{t.rich("skipped", { count: r.skipped, strong })}</li>
          <li>
            {t.rich("rejected", {
              count: r.rejected.length,
              invalid: r.invalid,
              duplicates: r.duplicates,
              strong,
            })}
          </li>
          {r.consentGranted || r.consentRefused ? (
            <li>
              {r.consentRefused
                ? t.rich("consentGrantedRefused", { count: r.consentGranted, refused: r.consentRefused, strong })
                : t.rich("consentGranted", { count: r.consentGranted, strong })}
            </li>
          ) : null}
          {r.consentWithdrawn ? (
            <li data-testid="import-withdrawn">{t.rich("withdrawn", { count: r.consentWithdrawn, strong })}</li>
          ) : null}
          {r.addedToGroup ? <li>{t.rich("addedToGroup", { count: r.addedToGroup, strong })}</li> : null}
        </ul>
        <div className="flex flex-wrap gap-2">
          {r.rejected.length ? (
            <Button
              variant="outline"
              onClick={() => downloadRejectedRows(r.rejected, (problem) => problemText(tAll, problem))}
            >
              <Download aria-hidden /> {t("downloadRejected")}
            </Button>
          ) : null}
          <Button asChild>
            <Link href="/contacts">{t("goToContacts")}</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
