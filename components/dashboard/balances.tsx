import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { LOW_BALANCE, providerBalance, uncoveredSends } from "@/lib/dashboard/balances";
import type { UpcomingSend } from "@/lib/dashboard/dashboard";
import { getDb } from "@/lib/db";
import { amountText } from "@/lib/i18n/amount";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { localizedUserMessage } from "@/lib/providers/provider-error-message";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { PROVIDER_INFO, PROVIDER_NAMES } from "@/lib/sms/providers";

/** Both providers' balances, read live with a short timeout (rendered inside Suspense: never holds up the page). */
export async function Balances({ upcoming }: { upcoming: UpcomingSend[] }) {
  const db = getDb();
  const balances = await Promise.all(PROVIDER_NAMES.map((provider) => providerBalance(db, provider)));
  const uncovered = uncoveredSends(balances, upcoming);
  const [t, tUnits, format] = await Promise.all([
    getTranslations("Home.balances"),
    getTranslations("Units"),
    getFormatter(),
  ]);
  const amount = (value: number, provider: (typeof PROVIDER_NAMES)[number]) =>
    amountText(tUnits, format, value, provider);
  const problems = await Promise.all(
    balances.map((b) =>
      b.ok ? null : b.providerError ? localizedUserMessage(b.providerError) : localizeMessage(b.message, b.values),
    ),
  );
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {balances.map((b, i) => (
          <Card key={b.provider} data-testid={`balance-${b.provider}`}>
            <CardContent className="space-y-1">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm text-muted-foreground">
                  {t("title", { provider: PROVIDER_LABELS[b.provider] })}
                </span>
                {b.mode === "sandbox" ? <Badge variant="outline">{t("sandbox")}</Badge> : null}
              </div>
              {b.ok ? (
                <>
                  <p className="text-2xl font-semibold tabular-nums">
                    {b.unlimited ? (
                      t("unlimited")
                    ) : (
                      <>
                        {format.number(Math.round((b.amount ?? 0) * 100) / 100, "amount")}{" "}
                        <span className="text-sm font-normal text-muted-foreground">
                          {tUnits(`${PROVIDER_INFO[b.provider].unitKey}Word`, {
                            count: Math.round((b.amount ?? 0) * 100) / 100,
                          })}
                        </span>
                      </>
                    )}
                  </p>
                  {b.low ? (
                    <p
                      className="flex items-center gap-1 text-sm text-warning"
                      data-testid={`low-balance-${b.provider}`}
                    >
                      <AlertTriangle className="size-4" aria-hidden />{" "}
                      {t("low", { amount: amount(LOW_BALANCE[b.provider], b.provider) })}
                    </p>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-destructive">{t("unavailable", { message: problems[i] ?? "" })}</p>
              )}
            </CardContent>
          </Card>
        ))}
      </div>
      {uncovered.map((w) => (
        <Alert key={w.campaignId} variant="warning" data-testid="uncovered-send">
          <AlertTitle>{t("uncoveredTitle")}</AlertTitle>
          <AlertDescription>
            <span>
              {t.rich("uncovered", {
                name: w.name,
                needed: amount(w.needed, w.provider),
                provider: PROVIDER_LABELS[w.provider],
                available: amount(Math.max(0, w.available), w.provider),
                link: (chunks) => (
                  <Link href={`/campaigns/${w.campaignId}`} className="underline underline-offset-4">
                    {chunks}
                  </Link>
                ),
              })}
            </span>
          </AlertDescription>
        </Alert>
      ))}
    </div>
  );
}
