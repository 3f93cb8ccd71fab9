import { useFormatter, useTranslations } from "next-intl";
import { amountText, moneyText } from "@/lib/i18n/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import type { ReportFigures } from "@/lib/reports/report-figures";

function Figure({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border p-3" data-testid={testId}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 space-y-1">{children}</dd>
    </div>
  );
}

const big = "text-lg font-semibold tabular-nums";
const small = "text-xs text-muted-foreground";

/**
 * The report's money and engagement figures: clicks (bots shown apart), redemptions, revenue per currency (and
 * how many bills nobody entered), cost per provider in its own unit, and cost per redemption ("—" with none).
 */
export function ReportFigureList({ figures }: { figures: ReportFigures }) {
  const t = useTranslations("Reports.figures");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2 xl:grid-cols-4" data-testid="report-figures">
      <Figure label={t("clicks")} testId="report-clicks">
        {figures.tracked ? (
          <>
            <p className={big} data-value={figures.humanClicks}>
              {format.number(figures.humanClicks)}
            </p>
            <p className={small} data-testid="report-bots" data-value={figures.botRequests}>
              {t("clicksDetail", { bots: figures.botRequests })}
            </p>
          </>
        ) : (
          <p className={small}>{t("noLink")}</p>
        )}
      </Figure>
      <Figure label={t("redeemed")} testId="report-redeemed">
        {figures.codes > 0 ? (
          <>
            <p className={big} data-value={figures.redeemed}>
              {format.number(figures.redeemed)}
            </p>
            <p className={small}>{t("redeemedDetail", { redeemed: figures.redeemed, codes: figures.codes })}</p>
          </>
        ) : (
          <p className={small}>{t("noOffer")}</p>
        )}
      </Figure>
      <Figure label={t("revenue")} testId="report-revenue">
        {figures.revenue.length ? (
          figures.revenue.map((r) => (
            <p key={r.currency} className={big} data-currency={r.currency} data-minor={r.minor}>
              {moneyText(format, r.minor, r.currency)}
            </p>
          ))
        ) : (
          <p className={big}>{t("noRevenue")}</p>
        )}
        {figures.notEntered > 0 ? (
          <p className={small} data-testid="report-not-entered">
            {t("notEntered", { count: figures.notEntered })}
          </p>
        ) : null}
      </Figure>
      <Figure label={t("cost")} testId="report-cost">
        {figures.costs.length ? (
          figures.costs.map((c) => (
            <div key={c.provider} data-provider={c.provider} data-value={c.charged}>
              <p className={big}>{amountText(tUnits, format, c.charged, c.provider)}</p>
              <p className={small}>{t("costDetail", { provider: PROVIDER_LABELS[c.provider] })}</p>
              <p className="text-xs" data-testid="report-cost-per-redemption">
                {t("perRedemption", {
                  amount:
                    c.costPerRedemption === null
                      ? t("none")
                      : amountText(tUnits, format, c.costPerRedemption, c.provider),
                })}
              </p>
            </div>
          ))
        ) : (
          <p className={big}>{t("none")}</p>
        )}
      </Figure>
    </dl>
  );
}
