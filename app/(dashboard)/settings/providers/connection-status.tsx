"use client";

import { CircleCheck, RefreshCw, TriangleAlert } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useAction } from "@/lib/actions/use-action";
import { formatAmount, unitWord } from "@/lib/format/amount";
import type { ConnectionCheck } from "@/lib/providers/connection-check";
import type { ProviderName } from "@/lib/sms/types";
import { checkConnectionAction } from "./actions";

function balanceText(provider: ProviderName, check: Extract<ConnectionCheck, { ok: true }>) {
  const { balance } = check;
  if (balance.unlimited) return "Unlimited balance";
  // A balance the provider wrote in a shape we could not read is shown as written.
  const amount =
    balance.amount === null ? `${balance.raw} ${unitWord(provider)}` : formatAmount(balance.amount, provider);
  return `${amount}${check.expiresOn ? `, valid until ${check.expiresOn}` : ""}`;
}

/** Checks the connection when the page opens (balance is the cheapest call that proves credentials work). */
export function ConnectionStatus({ provider }: { provider: ProviderName }) {
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
    <section aria-label="Connection" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">Connection and balance</h3>
        <Button type="button" variant="outline" size="sm" onClick={run} disabled={pending}>
          <RefreshCw className={pending ? "animate-spin" : undefined} aria-hidden />
          {pending ? "Checking..." : "Check connection"}
        </Button>
      </div>
      <div aria-live="polite" data-testid={`connection-${provider}`}>
        {check === null ? (
          <Skeleton className="h-5 w-48" />
        ) : check.ok ? (
          <p className="flex items-center gap-2 text-sm">
            <CircleCheck className="size-4 text-success" aria-hidden />
            <span>
              Connected · <strong className="font-semibold">{balanceText(provider, check)}</strong>
              <span className="text-muted-foreground"> · answered in {check.latencyMs} ms</span>
            </span>
          </p>
        ) : (
          <p className="flex items-start gap-2 text-sm text-destructive">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>Not connected: {check.message}</span>
          </p>
        )}
      </div>
    </section>
  );
}
