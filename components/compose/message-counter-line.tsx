"use client";

import { useFormatter, useTranslations } from "next-intl";
import { amountText } from "@/lib/i18n/amount";
import type { AudienceStats } from "@/lib/messages/audience-stats";
import { MAX_MESSAGE_CHARACTERS } from "@/lib/messages/audience-stats";
import type { ProviderName } from "@/lib/sms/types";
import { cn } from "@/lib/utils";

/**
 * The live counter: characters, encoding and segments of the longest rendered message (footer included), and,
 * for an audience, segments per recipient, the total and the estimated cost against the balance.
 */
export function MessageCounterLine({
  id,
  stats,
  showAudience,
  provider,
  balance,
}: {
  id: string;
  stats: AudienceStats;
  showAudience: boolean;
  provider?: ProviderName;
  balance?: number | null;
}) {
  const t = useTranslations("Compose.counter");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  const amount = (value: number, p: ProviderName) => amountText(tUnits, format, value, p);
  const longest = stats.longest?.info;
  const characters = longest?.characters ?? 0;
  const segments = longest?.segments ?? 1;
  const over = characters > MAX_MESSAGE_CHARACTERS;
  const cost = stats.estimatedCost;
  const overBalance = cost !== null && balance !== undefined && balance !== null && cost > balance;

  return (
    <div id={id} className="space-y-1 text-xs text-muted-foreground">
      <p aria-live="polite" data-testid="message-counter">
        <span className={cn(over && "font-medium text-destructive")}>{t("characters", { count: characters })}</span>
        {" · "}
        <span className={cn(longest?.encoding === "UCS-2" && "font-medium text-warning")}>
          {longest?.encoding ?? "GSM-7"}
        </span>
        {" · "}
        {t("segments", { count: segments })}
        {showAudience ? <span className="sr-only"> {t("longestRecipient")}</span> : null}
      </p>
      {showAudience && stats.recipients > 0 ? (
        <p aria-live="polite" data-testid="audience-stats">
          {stats.minSegments === stats.maxSegments
            ? t("perRecipient", { count: stats.maxSegments, total: stats.totalSegments })
            : t("perRecipientRange", { min: stats.minSegments, max: stats.maxSegments, total: stats.totalSegments })}
          {cost !== null && provider ? ` · ${t("estimate", { amount: amount(cost, provider) })}` : null}
          {stats.encodings.ucs2 > 0 && stats.encodings.gsm > 0
            ? ` · ${t("ucs2Share", { ucs2: stats.encodings.ucs2, recipients: stats.recipients })}`
            : null}
        </p>
      ) : null}
      {over ? (
        <p role="alert" className="font-medium text-destructive">
          {t("tooLong", {
            max: MAX_MESSAGE_CHARACTERS,
            over: stats.overLimit.count > 1 ? stats.overLimit.count : 0,
          })}
        </p>
      ) : null}
      {overBalance && provider ? (
        <p role="alert" className="font-medium text-warning">
          {t("overBalance", { estimate: amount(cost, provider), balance: amount(balance, provider) })}
        </p>
      ) : null}
    </div>
  );
}
