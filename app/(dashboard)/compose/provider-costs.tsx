"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useDeferredValue, useMemo } from "react";
import type { AudiencePreview } from "@/lib/campaigns/compose/preview-audience";
import { amountText } from "@/lib/i18n/amount";
import { audienceStats } from "@/lib/messages/audience-stats";
import { combineStats, type MessageVersions, splitByVersion } from "@/lib/messages/message-versions";
import { withOptOutFooter } from "@/lib/messages/opt-out-footer";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import type { ProviderName } from "@/lib/sms/types";
import { cn } from "@/lib/utils";

type Row = {
  provider: ProviderName;
  recipients: number;
  cost: number | null;
  balance: AudiencePreview["balances"][ProviderName];
  short: boolean;
};

/**
 * Per provider the send goes through: how many guests, the estimated cost of this message to them, and the
 * provider's balance, with a warning when it can't cover it. Shown before Send, for automatic routing too (an
 * audience split over both providers is priced and checked against each one's own balance).
 */
export function ProviderCosts({
  versions,
  optOutFooter,
  preview,
  restaurantName,
}: {
  /** Every version of the message: each guest in the sample is priced with the text they get. */
  versions: MessageVersions;
  optOutFooter: boolean;
  preview: AudiencePreview;
  restaurantName: string;
}) {
  const t = useTranslations("Compose.costs");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  const amount = (value: number, provider: ProviderName) => amountText(tUnits, format, value, provider);
  const deferred = useDeferredValue(versions);
  const rows = useMemo<Row[]>(() => {
    const providers = (Object.keys(preview.byProvider) as ProviderName[]).filter((p) => preview.byProvider[p] > 0);
    return providers.map((provider) => {
      const sample = preview.recipients
        .filter((r) => r.provider === provider)
        .map((r) => ({ ...r, restaurant: restaurantName }));
      const recipients = preview.byProvider[provider];
      const stats =
        deferred.message.trim() && sample.length
          ? combineStats(
              splitByVersion(sample, deferred).map((v) =>
                audienceStats(withOptOutFooter(v.message, optOutFooter, v.language), v.recipients, { provider }),
              ),
            )
          : null;
      // A large audience is counted on an even sample: scale its cost to everyone routed to this provider.
      const cost =
        stats?.estimatedCost != null
          ? Math.round(stats.estimatedCost * (recipients / sample.length) * 100) / 100
          : null;
      const balance = preview.balances[provider];
      const short = cost !== null && balance?.amount != null && cost > balance.amount;
      return { provider, recipients, cost, balance, short };
    });
  }, [deferred, optOutFooter, preview, restaurantName]);

  if (rows.length === 0) return null;
  const balanceText = (row: Row) =>
    !row.balance
      ? t("checking")
      : row.balance.error
        ? t("unknown", { error: row.balance.error })
        : row.balance.amount === null
          ? t("noLimit")
          : amount(row.balance.amount, row.provider);
  return (
    <section
      aria-labelledby="provider-costs-heading"
      className="space-y-2 rounded-lg border bg-muted/30 p-3 text-sm"
      data-testid="provider-costs"
    >
      <h3 id="provider-costs-heading" className="font-medium">
        {rows.length > 1 ? t("titlePerProvider") : t("title")}
      </h3>
      <table className="w-full text-left tabular-nums">
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-1 pr-2 font-normal">
              {t("provider")}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("guests")}
            </th>
            <th scope="col" className="px-2 py-1 text-right font-normal">
              {t("estimatedCost")}
            </th>
            <th scope="col" className="py-1 pl-2 text-right font-normal">
              {t("balance")}
            </th>
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.provider} data-testid={`provider-cost-${row.provider}`} className="border-t">
            <tr>
              <th scope="row" className="py-1.5 pr-2 font-medium">
                {PROVIDER_LABELS[row.provider]}
              </th>
              <td className="px-2 py-1.5 text-right">{format.number(row.recipients)}</td>
              <td className={cn("px-2 py-1.5 text-right", row.short && "font-medium text-destructive")}>
                {row.cost === null ? "–" : t("about", { amount: amount(row.cost, row.provider) })}
              </td>
              <td className="py-1.5 pl-2 text-right">{balanceText(row)}</td>
            </tr>
            {row.short && row.cost !== null && row.balance?.amount != null ? (
              <tr>
                <td colSpan={4} className="pb-2">
                  <p
                    role="alert"
                    className="rounded-md border border-destructive/40 bg-destructive/10 px-2 py-1.5 font-medium text-destructive"
                  >
                    {t("short", {
                      provider: PROVIDER_LABELS[row.provider],
                      needed: amount(row.cost, row.provider),
                      left: amount(row.balance.amount, row.provider),
                    })}
                  </p>
                </td>
              </tr>
            ) : null}
          </tbody>
        ))}
      </table>
      <p className="text-xs text-muted-foreground">
        {rows.some((r) => r.cost === null) ? `${t("writeToSee")} ` : ""}
        {t("estimateNote", { sampled: preview.sampled ? "yes" : "no" })}
      </p>
    </section>
  );
}
