import { Inbox } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { readSandboxInbox } from "@/lib/providers/sandbox-inbox";
import { formatInZone, MOMENT_SECONDS_FORMAT } from "@/lib/time/zoned";

/** What the sandbox's pretend phones received: the proof a send worked while no real provider is connected. */
export async function SandboxInbox({ timeZone }: { timeZone: string }) {
  const { messages, unreachable } = await readSandboxInbox();
  return (
    <section aria-labelledby="sandbox-inbox-heading" className="space-y-3">
      <div>
        <h2 id="sandbox-inbox-heading" className="text-lg font-semibold">
          Sandbox inbox
        </h2>
        <p className="text-sm text-muted-foreground">
          The latest messages the sandbox &quot;phones&quot; received. The sandbox forgets them when the app restarts.
        </p>
      </div>
      {unreachable.length > 0 ? (
        <p className="text-sm text-destructive">
          The {unreachable.map((p) => PROVIDER_LABELS[p]).join(" and ")} sandbox isn&apos;t answering. Restart the app
          with npm start.
        </p>
      ) : null}
      {messages.length === 0 ? (
        <EmptyState
          icon={<Inbox />}
          title="Nothing received yet"
          description="Send a test SMS above and it appears here."
        />
      ) : (
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Received</TableHead>
                <TableHead>Provider</TableHead>
                <TableHead>To</TableHead>
                <TableHead>From</TableHead>
                <TableHead>Message</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {messages.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two texts can share number, provider and time; the list is replaced whole
                <TableRow key={`${m.provider}-${m.to}-${m.receivedAt.getTime()}-${i}`}>
                  <TableCell className="whitespace-nowrap">
                    {formatInZone(m.receivedAt, timeZone, MOMENT_SECONDS_FORMAT)}
                  </TableCell>
                  <TableCell>{PROVIDER_LABELS[m.provider]}</TableCell>
                  <TableCell className="font-mono text-xs">+{m.to}</TableCell>
                  <TableCell>{m.from ?? "—"}</TableCell>
                  <TableCell className="max-w-xs truncate" title={m.text}>
                    {m.text}
                  </TableCell>
                  <TableCell>
                    <Badge variant="outline">{m.status ?? "sent"}</Badge>
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
