import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { unitWord } from "@/lib/format/amount";
import { browseSmsappHistory } from "@/lib/sms/smsapp/history";
import { ProviderError } from "../../provider-error";

export const metadata: Metadata = { title: "smsapp.pk history" };

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
  const result = await browseSmsappHistory(getDb(), page);
  if (!result.ok) return <ProviderError provider="smsapp.pk" error={result} />;
  const p = result.page;
  const beyond = p.items.length === 0 && p.total > 0;
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground" data-testid="smsapp-summary">
        {p.total === 0
          ? "smsapp.pk has no messages for this account yet."
          : beyond
            ? `Page ${page} is past the last page (${p.lastPage}); smsapp.pk has ${p.total} messages.`
            : `Messages ${p.from}–${p.to} of ${p.total} · page ${p.page} of ${p.lastPage} · ${p.perPage} per page, as smsapp.pk reports them.`}
        {result.mode === "sandbox" ? " (sandbox)" : ""}
      </p>
      {p.items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table data-testid="smsapp-table">
            <caption className="sr-only">smsapp.pk messages</caption>
            <TableHeader>
              <TableRow>
                <TableHead>uid</TableHead>
                <TableHead>To</TableHead>
                <TableHead>From</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Cost ({unitWord("smsapp")})</TableHead>
                <TableHead>Message</TableHead>
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
      <nav aria-label="smsapp.pk pages" className="flex flex-wrap items-center gap-1">
        {(p.links.length ? p.links : fallbackLinks(p.page, p.lastPage)).map((l, i) =>
          l.page === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the provider's page links are a fixed list for this page and may repeat a label ("...")
            <span key={i} className="px-2 text-sm text-muted-foreground">
              {l.label === "..." ? "…" : l.label}
            </span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the provider's page links are a fixed list for this page and may repeat a label ("...")
            <Button key={i} asChild size="sm" variant={l.active ? "default" : "outline"}>
              <Link href={`/history/smsapp?page=${l.page}`} aria-current={l.active ? "page" : undefined}>
                {l.label}
              </Link>
            </Button>
          ),
        )}
        {beyond ? (
          <Button asChild size="sm" variant="outline">
            <Link href={`/history/smsapp?page=${p.lastPage}`}>Last page</Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}

/** When a build leaves out `links`: Previous, this page, Next. */
function fallbackLinks(page: number, lastPage: number) {
  return [
    { label: "« Previous", page: page > 1 ? page - 1 : null, active: false },
    { label: String(page), page, active: true },
    { label: "Next »", page: page < lastPage ? page + 1 : null, active: false },
  ];
}
