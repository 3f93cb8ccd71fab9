import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { cpsmsLogView } from "@/lib/sms/cpsms/history";
import { formatInZone, MOMENT_SECONDS_FORMAT } from "@/lib/time/zoned";
import { ProviderError } from "../provider-error";
import { RefreshLogButton } from "./refresh-button";

export const metadata: Metadata = { title: "CPSMS log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const VARIANT: Record<string, "success" | "destructive" | "warning" | "outline"> = {
  delivered: "success",
  failed: "destructive",
  abandoned: "destructive",
  buffered: "warning",
};

export default async function CpsmsLogPage({ searchParams }: Props) {
  await requireUser();
  const query = await searchParams;
  const page = typeof query.page === "string" && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
  const to =
    typeof query.to === "string" && /^\+?\d{4,20}$/.test(query.to.replace(/\s/g, ""))
      ? query.to.replace(/\s/g, "")
      : undefined;
  const db = getDb();
  const [log, settings] = await Promise.all([cpsmsLogView(db, { page, to }), getRestaurantSettings(db)]);
  if (!log.ok) return <ProviderError provider="CPSMS.dk" error={log} />;
  const at = (d: Date) => formatInZone(d, settings.timeZone, MOMENT_SECONDS_FORMAT);
  const href = (p: number) => `/history/cpsms?${new URLSearchParams({ ...(to ? { to } : {}), page: String(p) })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" data-testid="cpsms-log-freshness">
          Fetched from CPSMS at {at(log.fetchedAt)}
          {log.fromCache ? " (cached: CPSMS allows one log request per two minutes)" : ""}. Can be refreshed from{" "}
          {at(log.nextRefreshAt)}.
          {log.stale ? " CPSMS refused the last refresh, so this copy is older than two minutes." : ""}
          {log.mode === "sandbox" ? " (sandbox)" : ""}
        </p>
        <RefreshLogButton nextRefreshAt={log.nextRefreshAt.toISOString()} />
      </div>
      <search aria-label="Filter the CPSMS log">
        <form action="/history/cpsms" method="get" className="flex max-w-sm gap-2">
          <Input name="to" defaultValue={to ?? ""} placeholder="Number, e.g. 4520123456" aria-label="Number" />
          <Button type="submit" variant="outline">
            Filter
          </Button>
        </form>
      </search>
      <p className="text-sm" data-testid="cpsms-log-summary">
        {log.total} {log.total === 1 ? "message" : "messages"} in the last 3 months{to ? ` to ${to}` : ""} · page{" "}
        {log.page} of {log.pageCount}
      </p>
      {log.rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table data-testid="cpsms-log-table">
            <caption className="sr-only">CPSMS log</caption>
            <TableHeader>
              <TableRow>
                <TableHead>Sent</TableHead>
                <TableHead>To</TableHead>
                <TableHead>From</TableHead>
                <TableHead>Report</TableHead>
                <TableHead className="text-right">Segments</TableHead>
                <TableHead className="text-right">Points</TableHead>
                <TableHead>Our reference</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {log.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: CPSMS log rows have no id and the same text can repeat; the page is replaced whole
                <TableRow key={`${r.userReference}-${r.to}-${i}`}>
                  <TableCell className="whitespace-nowrap">{at(r.timeSent)}</TableCell>
                  <TableCell className="font-mono text-xs">{r.to}</TableCell>
                  <TableCell>{r.from ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={VARIANT[r.state] ?? "outline"} title={r.dlrStatusText || undefined}>
                      {r.state}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{r.smsAmount ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.pointPrice ?? "—"}</TableCell>
                  <TableCell className="font-mono text-xs">{r.userReference ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {log.pageCount > 1 ? (
        <nav aria-label="CPSMS log pages" className="flex justify-end gap-2">
          {log.page > 1 ? (
            <Button asChild size="sm" variant="outline">
              <Link href={href(log.page - 1)}>Previous</Link>
            </Button>
          ) : null}
          {log.page < log.pageCount ? (
            <Button asChild size="sm" variant="outline">
              <Link href={href(log.page + 1)}>Next</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
