import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { unitName } from "@/lib/i18n/amount";
import { browseSmsappHistory } from "@/lib/sms/smsapp/history";
import { ProviderError } from "../../provider-error";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("History.smsapp");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATE_VARIANT = {
  delivered: "success",
  failed: "destructive",
  pending: "secondary",
  unknown: "outline",
} as const;

export default async function SmsappHistoryPage({ searchParams }: Props) {
  await requireUser();
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
  const [result, t, tUnits] = await Promise.all([
    browseSmsappHistory(getDb(), page),
    getTranslations("History.smsapp"),
    getTranslations("Units"),
  ]);
  if (!result.ok) return <ProviderError provider="smsapp.pk" error={result} />;
  const p = result.page;
  // The paginator's own words for its arrows (Laravel's English), in the reader's language.
  const linkLabel = (label: string) =>
    label === "« Previous" ? t("previous") : label === "Next »" ? t("next") : label;
  const beyond = p.items.length === 0 && p.total > 0;
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground" data-testid="smsapp-summary">
        {p.total === 0
          ? t("none")
          : beyond
            ? t("beyond", { page, last: p.lastPage, total: p.total })
            : t("summary", {
                from: p.from ?? "—",
                to: p.to ?? "—",
                total: p.total,
                page: p.page,
                last: p.lastPage,
                perPage: p.perPage,
              })}
        {result.mode === "sandbox" ? ` ${t("sandbox")}` : ""}
      </p>
      {p.items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table data-testid="smsapp-table">
            <caption className="sr-only">{t("caption")}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>uid</TableHead>
                <TableHead>{t("to")}</TableHead>
                <TableHead>{t("from")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead className="text-right">{t("cost", { unit: unitName(tUnits, "smsapp") })}</TableHead>
                <TableHead>{t("message")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.items.map((m) => (
                <TableRow key={m.uid}>
                  <TableCell className="font-mono text-xs">
                    <Link
                      href={`/history/smsapp/${encodeURIComponent(m.uid)}`}
                      className="underline underline-offset-4"
                    >
                      {m.uid}
                    </Link>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{m.to}</TableCell>
                  <TableCell>{m.from ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={STATE_VARIANT[m.status.state]} title={m.status.raw}>
                      {m.status.label || "—"}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{m.cost ?? "—"}</TableCell>
                  <TableCell className="max-w-64 truncate" title={m.message}>
                    {m.message}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-1">
        {(p.links.length
          ? p.links
          : fallbackLinks(p.page, p.lastPage, { previous: t("previous"), next: t("next") })
        ).map((l, i) =>
          l.page === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the provider's page links are a fixed list for this page and may repeat a label ("...")
            <span key={i} className="px-2 text-sm text-muted-foreground">
              {l.label === "..." ? "…" : linkLabel(l.label)}
            </span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the provider's page links are a fixed list for this page and may repeat a label ("...")
            <Button key={i} asChild size="sm" variant={l.active ? "default" : "outline"}>
              <Link href={`/history/smsapp?page=${l.page}`} aria-current={l.active ? "page" : undefined}>
                {linkLabel(l.label)}
              </Link>
            </Button>
          ),
        )}
        {beyond ? (
          <Button asChild size="sm" variant="outline">
            <Link href={`/history/smsapp?page=${p.lastPage}`}>{t("lastPage")}</Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}

/** When a build leaves out `links`: Previous, this page, Next. */
function fallbackLinks(page: number, lastPage: number, words: { previous: string; next: string }) {
  return [
    { label: words.previous, page: page > 1 ? page - 1 : null, active: false },
    { label: String(page), page, active: true },
    { label: words.next, page: page < lastPage ? page + 1 : null, active: false },
  ];
}
