import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { UpcomingSend } from "@/lib/dashboard/dashboard";
import { amountText } from "@/lib/i18n/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";

/**
 * Campaigns still to go out, each with its cost: what CPSMS already charged for messages it holds (refunded if
 * cancelled) apart from what is only an estimate, so nobody reads an estimate as a charge.
 */
export function UpcomingList({ items, testId }: { items: UpcomingSend[]; testId: string }) {
  const t = useTranslations("Home.upcoming");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  /** When an upcoming campaign goes out, in words. */
  const when = (u: UpcomingSend): string => {
    if (u.status === "draft")
      return u.scheduledAt ? t("draftFor", { at: format.dateTime(u.scheduledAt, "moment") }) : t("whenApproved");
    if (u.scheduledAt && u.scheduledAt.getTime() > Date.now()) return format.dateTime(u.scheduledAt, "moment");
    return u.status === "sending" ? t("sendingNow") : u.status === "scheduled" ? t("goingOutNow") : t("queuedNow");
  };
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
              {t("line", { provider: PROVIDER_LABELS[u.provider], count: u.recipients, when: when(u) })}
            </p>
          </div>
          <div className="text-right tabular-nums">
            {u.heldCost > 0 ? (
              <p data-testid="held-cost" title={t("heldTitle")}>
                {amountText(tUnits, format, u.heldCost, u.provider)}{" "}
                <span className="text-xs text-muted-foreground">{t("held")}</span>
              </p>
            ) : null}
            {u.estimatedCost > 0 || u.heldCost === 0 ? (
              <p data-testid="estimated-cost" className="text-muted-foreground">
                ≈ {amountText(tUnits, format, u.estimatedCost, u.provider)}{" "}
                <span className="text-xs">{t("estimate")}</span>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
