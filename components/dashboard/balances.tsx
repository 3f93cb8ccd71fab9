import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { LOW_BALANCE, providerBalance, uncoveredSends } from "@/lib/dashboard/balances";
import type { UpcomingSend } from "@/lib/dashboard/dashboard";
import { getDb } from "@/lib/db";
import { formatAmount, unitWord } from "@/lib/format/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { PROVIDER_NAMES, type ProviderName } from "@/lib/sms/providers";

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** The unit word that goes with a figure as shown (rounded like formatAmount: 1.004 reads "1 point"). */
const wordFor = (provider: ProviderName, amount: number) => unitWord(provider, Math.round(amount * 100) / 100);

/** Both providers' balances, read live with a short timeout (rendered inside Suspense: never holds up the page). */
export async function Balances({ upcoming }: { upcoming: UpcomingSend[] }) {
  const db = getDb();
  const balances = await Promise.all(PROVIDER_NAMES.map((provider) => providerBalance(db, provider)));
  const uncovered = uncoveredSends(balances, upcoming);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {balances.map((b) => (
          <Card key={b.provider} data-testid={`balance-${b.provider}`}>
            <CardContent className="space-y-1">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm text-muted-foreground">{PROVIDER_LABELS[b.provider]} balance</span>
                {b.mode === "sandbox" ? <Badge variant="outline">Sandbox</Badge> : null}
              </div>
              {b.ok ? (
                <>
                  <p className="text-2xl font-semibold tabular-nums">
                    {b.unlimited ? (
                      "Unlimited"
                    ) : (
                      <>
                        {NUMBER.format(b.amount ?? 0)}{" "}
                        <span className="text-sm font-normal text-muted-foreground">
                          {wordFor(b.provider, b.amount ?? 0)}
                        </span>
                      </>
                    )}
                  </p>
                  {b.low ? (
                    <p
                      className="flex items-center gap-1 text-sm text-warning"
                      data-testid={`low-balance-${b.provider}`}
                    >
                      <AlertTriangle className="size-4" aria-hidden /> Low: under{" "}
                      {formatAmount(LOW_BALANCE[b.provider], b.provider)}. Top up before the next campaign.
                    </p>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-destructive">Unavailable: {b.message}</p>
              )}
            </CardContent>
          </Card>
        ))}
      </div>
      {uncovered.map((w) => (
        <Alert key={w.campaignId} variant="warning" data-testid="uncovered-send">
          <AlertTitle>Not enough balance for a scheduled send</AlertTitle>
          <AlertDescription>
            <span>
              <Link href={`/campaigns/${w.campaignId}`} className="underline underline-offset-4">
                {w.name}
              </Link>{" "}
              needs about {formatAmount(w.needed, w.provider)} at {PROVIDER_LABELS[w.provider]}, but the balance left
              for it is {formatAmount(Math.max(0, w.available), w.provider)}.
            </span>
          </AlertDescription>
        </Alert>
      ))}
    </div>
  );
}
