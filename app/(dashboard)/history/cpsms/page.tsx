import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { cpsmsLogView } from "@/lib/sms/cpsms/history";
import { ProviderError } from "../provider-error";
import { RefreshLogButton } from "./refresh-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("History.cpsms");
  return { title: t("title") };
}

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
  const [log, t, tCommon, format] = await Promise.all([
    cpsmsLogView(db, { page, to }),
    getTranslations("History.cpsms"),
    getTranslations("Common"),
    getFormatter(),
  ]);
  if (!log.ok) return <ProviderError provider="CPSMS.dk" error={log} />;
  const at = (d: Date) => format.dateTime(d, "momentSeconds");
  const href = (p: number) => `/history/cpsms?${new URLSearchParams({ ...(to ? { to } : {}), page: String(p) })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" data-testid="cpsms-log-freshness">
          {t(log.fromCache ? "fetchedCached" : "fetched", { at: at(log.fetchedAt), next: at(log.nextRefreshAt) })}
          {log.stale ? ` ${t("stale")}` : ""}
          {log.mode === "sandbox" ? ` ${t("sandbox")}` : ""}
        </p>
        <RefreshLogButton nextRefreshAt={log.nextRefreshAt.toISOString()} />
      </div>
      <search aria-label={t("filterLabel")}>
        <form action="/history/cpsms" method="get" className="flex max-w-sm gap-2">
          <Input name="to" defaultValue={to ?? ""} placeholder={t("numberPlaceholder")} aria-label={t("number")} />
          <Button type="submit" variant="outline">
            {t("filter")}
          </Button>
        </form>
      </search>
      <p className="text-sm" data-testid="cpsms-log-summary">
        {to
          ? t("summaryTo", { count: log.total, to, page: log.page, pages: log.pageCount })
          : t("summary", { count: log.total, page: log.page, pages: log.pageCount })}
      </p>
      {log.rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table data-testid="cpsms-log-table">
            <caption className="sr-only">{t("title")}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("sent")}</TableHead>
                <TableHead>{t("to")}</TableHead>
                <TableHead>{t("from")}</TableHead>
                <TableHead>{t("report")}</TableHead>
                <TableHead className="text-right">{t("segments")}</TableHead>
                <TableHead className="text-right">{t("points")}</TableHead>
                <TableHead>{t("reference")}</TableHead>
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
                      {t("state", { state: r.state === "no report yet" ? "none" : r.state })}
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
        <nav aria-label={t("pages")} className="flex justify-end gap-2">
          {log.page > 1 ? (
            <Button asChild size="sm" variant="outline">
              <Link href={href(log.page - 1)}>{tCommon("previous")}</Link>
            </Button>
          ) : null}
          {log.page < log.pageCount ? (
            <Button asChild size="sm" variant="outline">
              <Link href={href(log.page + 1)}>{tCommon("next")}</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
