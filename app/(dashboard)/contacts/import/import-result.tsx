"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ImportResult } from "@/lib/contacts/import/import-contacts";
import type { RejectedRow } from "@/lib/contacts/import/prepare-rows";
import { rejectedRowsCsv } from "@/lib/contacts/import/rejected-report";

const N = new Intl.NumberFormat("en-GB");
const count = (n: number, one: string, many = `${one}s`) => `${N.format(n)} ${n === 1 ? one : many}`;

/** Saves the rejected-rows report (row number, phone as written, reason) as a CSV download. */
export function downloadRejectedRows(rows: RejectedRow[]) {
  saveCsvDownload(new Blob([rejectedRowsCsv(rows)], { type: "text/csv;charset=utf-8" }), "rejected-rows.csv");
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

/** What an import did, with the rejected-rows report. */
export function ImportResultCard({ result: r }: { result: ImportResult }) {
  return (
    <Card data-testid="import-result">
      <CardHeader>
        <CardTitle>Import finished</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          <li>
            <strong>{N.format(r.created)}</strong> new guests added
          </li>
          <li>
            <strong>{N.format(r.updated)}</strong> existing guests updated
          </li>
          <li>
            <strong>{N.format(r.skipped)}</strong> already in the guest book, skipped
          </li>
          <li>
            <strong>{N.format(r.rejected.length)}</strong> {r.rejected.length === 1 ? "row" : "rows"} rejected (
            {N.format(r.invalid)} invalid, {count(r.duplicates, "duplicate")})
          </li>
          {r.consentGranted || r.consentRefused ? (
            <li>
              <strong>{N.format(r.consentGranted)}</strong> marketing consents recorded
              {r.consentRefused ? `; ${N.format(r.consentRefused)} not granted (opted out before)` : ""}
            </li>
          ) : null}
          {r.consentWithdrawn ? (
            <li data-testid="import-withdrawn">
              <strong>{N.format(r.consentWithdrawn)}</strong> {r.consentWithdrawn === 1 ? "guest" : "guests"} opted out:
              consent withdrawn, number suppressed, pending promotions stopped
            </li>
          ) : null}
          {r.addedToGroup ? (
            <li>
              <strong>{N.format(r.addedToGroup)}</strong> added to the group
            </li>
          ) : null}
        </ul>
        <div className="flex flex-wrap gap-2">
          {r.rejected.length ? (
            <Button variant="outline" onClick={() => downloadRejectedRows(r.rejected)}>
              <Download aria-hidden /> Download rejected rows (CSV)
            </Button>
          ) : null}
          <Button asChild>
            <Link href="/contacts">Go to contacts</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
