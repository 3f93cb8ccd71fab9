"use client";

import { CircleCheck, RefreshCw, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useAction } from "@/lib/actions/use-action";
import { amountText, unitName } from "@/lib/i18n/amount";
import type { ConnectionCheck } from "@/lib/providers/connection-check";
import type { ProviderName } from "@/lib/sms/types";
import { checkConnectionAction } from "./actions";

/** Checks the connection when the page opens (balance is the cheapest call that proves credentials work). */
export function ConnectionStatus({ provider }: { provider: ProviderName }) {
  const t = useTranslations("Providers.connection");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  const balanceText = (check: Extract<ConnectionCheck, { ok: true }>) => {
    const { balance } = check;
    if (balance.unlimited) return t("unlimited");
    // A balance the provider wrote in a shape we could not read is shown as written.
    const amount =
      balance.amount === null
        ? t("raw", { raw: String(balance.raw), unit: unitName(tUnits, provider) })
        : amountText(tUnits, format, balance.amount, provider);
    return check.expiresOn ? t("validUntil", { amount, date: check.expiresOn }) : amount;
  };
  const [check, setCheck] = useState<ConnectionCheck | { ok: false; message: string } | null>(null);
  // A refusal is what this panel reports, in place; no toast.
  const { run: check_, pending } = useAction(checkConnectionAction, {
    errors: "inline",
    onSuccess: setCheck,
    onError: (error) => setCheck({ ok: false, message: error.message }),
  });
  const run = useCallback(() => {
    check_({ provider });
  }, [check_, provider]);

  useEffect(run, [run]);

  return (
    <section aria-label={t("label")} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{t("heading")}</h3>
        <Button type="button" variant="outline" size="sm" onClick={run} disabled={pending}>
          <RefreshCw className={pending ? "animate-spin" : undefined} aria-hidden />
          {pending ? t("checking") : t("check")}
        </Button>
      </div>
      <div aria-live="polite" data-testid={`connection-${provider}`}>
        {check === null ? (
          <Skeleton className="h-5 w-48" />
        ) : check.ok ? (
          <p className="flex items-center gap-2 text-sm">
            <CircleCheck className="size-4 text-success" aria-hidden />
            <span>
              {t.rich("connected", {
                balance: balanceText(check),
                ms: check.latencyMs,
                b: (chunks) => <strong className="font-semibold">{chunks}</strong>,
                muted: (chunks) => <span className="text-muted-foreground">{chunks}</span>,
              })}
            </span>
          </p>
        ) : (
          <p className="flex items-start gap-2 text-sm text-destructive">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>{t("notConnected", { message: check.message })}</span>
          </p>
        )}
      </div>
    </section>
  );
}
