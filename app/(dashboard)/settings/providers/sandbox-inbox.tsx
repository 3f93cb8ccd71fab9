import { Inbox } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { readSandboxInbox } from "@/lib/providers/sandbox-inbox";

/** What the sandbox's pretend phones received: the proof a send worked while no real provider is connected. */
export async function SandboxInbox() {
  const [{ messages, unreachable }, t, format] = await Promise.all([
    readSandboxInbox(),
    getTranslations("Providers.inbox"),
    getFormatter(),
  ]);
  return (
    <section aria-labelledby="sandbox-inbox-heading" className="space-y-3">
      <div>
        <h2 id="sandbox-inbox-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      {unreachable.length > 0 ? (
        <p className="text-sm text-destructive">
          {t("unreachable", {
            providers: format.list(
              unreachable.map((p) => PROVIDER_LABELS[p]),
              { type: "conjunction" },
            ),
          })}
        </p>
      ) : null}
      {messages.length === 0 ? (
        <EmptyState icon={<Inbox />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("received")}</TableHead>
                <TableHead>{t("provider")}</TableHead>
                <TableHead>{t("to")}</TableHead>
                <TableHead>{t("from")}</TableHead>
                <TableHead>{t("message")}</TableHead>
                <TableHead>{t("status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {messages.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two texts can share number, provider and time; the list is replaced whole
                <TableRow key={`${m.provider}-${m.to}-${m.receivedAt.getTime()}-${i}`}>
                  <TableCell className="whitespace-nowrap">{format.dateTime(m.receivedAt, "momentSeconds")}</TableCell>
                  <TableCell>{PROVIDER_LABELS[m.provider]}</TableCell>
                  <TableCell className="font-mono text-xs">+{m.to}</TableCell>
                  <TableCell>{m.from ?? "—"}</TableCell>
                  <TableCell className="max-w-xs truncate" title={m.text}>
                    {m.text}
                  </TableCell>
                  <TableCell>
                    <Badge variant="outline">{m.status ?? t("sent")}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
