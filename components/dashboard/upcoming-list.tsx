import Link from "next/link";
import type { UpcomingSend } from "@/lib/dashboard/dashboard";
import { formatAmount } from "@/lib/format/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { formatInZone } from "@/lib/time/zoned";

const NUMBER = new Intl.NumberFormat("en-GB");

/** When an upcoming campaign goes out, in words. */
function when(u: UpcomingSend, timeZone: string): string {
  if (u.status === "draft")
    return u.scheduledAt ? `for ${formatInZone(u.scheduledAt, timeZone)}` : "to send when approved";
  if (u.scheduledAt && u.scheduledAt.getTime() > Date.now()) return formatInZone(u.scheduledAt, timeZone);
  return u.status === "sending" ? "sending now" : u.status === "scheduled" ? "going out now" : "queued now";
}

/**
 * Campaigns still to go out, each with its cost: what CPSMS already charged for messages it holds (refunded if
 * cancelled) apart from what is only an estimate, so nobody reads an estimate as a charge.
 */
export function UpcomingList({ items, timeZone, testId }: { items: UpcomingSend[]; timeZone: string; testId: string }) {
  return (
    <ul className="divide-y rounded-lg border" data-testid={testId}>
      {items.map((u) => (
        <li
          key={u.id}
          className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 p-3 text-sm"
          data-campaign={u.id}
        >
          <div className="min-w-0">
            <Link href={`/campaigns/${u.id}`} className="font-medium underline-offset-4 hover:underline">
              {u.name}
            </Link>
            <p className="text-xs text-muted-foreground">
              {PROVIDER_LABELS[u.provider]} · {NUMBER.format(u.recipients)}{" "}
              {u.recipients === 1 ? "recipient" : "recipients"} · {when(u, timeZone)}
            </p>
          </div>
          <div className="text-right tabular-nums">
            {u.heldCost > 0 ? (
              <p
                data-testid="held-cost"
                title="CPSMS charged this when it took the messages; it refunds it if they are cancelled."
              >
                {formatAmount(u.heldCost, u.provider)}{" "}
                <span className="text-xs text-muted-foreground">held by CPSMS</span>
              </p>
            ) : null}
            {u.estimatedCost > 0 || u.heldCost === 0 ? (
              <p data-testid="estimated-cost" className="text-muted-foreground">
                ≈ {formatAmount(u.estimatedCost, u.provider)} <span className="text-xs">estimate</span>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
