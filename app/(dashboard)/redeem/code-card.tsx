"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { moneyText } from "@/lib/i18n/amount";
import type { OfferCodeView } from "@/lib/offers/offer-code-view";

const STATE_BADGE = {
  valid: "success",
  not_yet: "warning",
  expired: "destructive",
  redeemed: "destructive",
} as const;

/** A looked-up code: the offer, whose it is, its window and its state, worded so staff can say it to the guest. */
export function CodeCard({
  view,
  justRedeemed = false,
  children,
}: {
  view: OfferCodeView;
  /** Redeemed by this page a moment ago: "Redeemed", not "Already redeemed" (that is for the second till). */
  justRedeemed?: boolean;
  children?: React.ReactNode;
}) {
  const t = useTranslations("Redeem");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(new Date(d), "momentYear");
  return (
    <section
      aria-labelledby="redeem-offer-title"
      className="space-y-4 rounded-xl border bg-card p-4 shadow-xs sm:p-6"
      data-testid="code-card"
      data-state={view.state}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-mono text-lg tracking-widest">{view.shown}</span>
        <Badge variant={STATE_BADGE[view.state]} className="text-sm">
          {justRedeemed ? t("states.justRedeemed") : t(`states.${view.state}`)}
        </Badge>
      </div>
      <div>
        <h2 id="redeem-offer-title" className="text-xl font-semibold break-words">
          {view.title}
        </h2>
        <p className="text-sm text-muted-foreground">
          {view.firstName ? t("forGuest", { name: view.firstName }) : t("forUnnamedGuest")}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("validFrom")}</dt>
        <dd>{when(view.validFrom)}</dd>
        <dt className="text-muted-foreground">{t("validUntil")}</dt>
        <dd>{when(view.validUntil)}</dd>
      </dl>
      <p className="text-sm font-medium" role="status">
        {view.state === "redeemed" && view.redeemedAt
          ? t(justRedeemed ? "justRedeemedBy" : "redeemedBy", {
              when: when(view.redeemedAt),
              by: view.redeemedBy ?? t("unknownUser"),
              bill:
                view.billMinor !== null && view.currency ? moneyText(format, view.billMinor, view.currency) : "none",
            })
          : t(`stateLines.${view.state}`, { from: when(view.validFrom), until: when(view.validUntil) })}
      </p>
      {children}
    </section>
  );
}
