import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent } from "@/components/ui/card";
import type { CostByProvider } from "@/lib/dashboard/dashboard";
import { amountText } from "@/lib/i18n/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";

/**
 * What each provider charged for messages that went out, today and over 30 days. Held and estimated amounts are
 * not in it (they are under "Coming up"), so it matches the providers' own logs.
 */
export function CostByProviderTable({ costs }: { costs: CostByProvider[] }) {
  const t = useTranslations("Home.costs");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  return (
    <Card>
      <CardContent>
        <table className="w-full text-sm" data-testid="cost-by-provider">
          <caption className="mb-2 text-left font-medium">{t("caption")}</caption>
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th className="font-normal">{t("provider")}</th>
              <th className="text-right font-normal">{t("today")}</th>
              <th className="text-right font-normal">{t("days30")}</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((c) => (
              <tr key={c.provider}>
                <td>{PROVIDER_LABELS[c.provider]}</td>
                <td className="text-right tabular-nums" data-testid={`cost-today-${c.provider}`}>
                  {amountText(tUnits, format, c.today, c.provider)}
                </td>
                <td className="text-right tabular-nums" data-testid={`cost-30d-${c.provider}`} data-value={c.days30}>
                  {amountText(tUnits, format, c.days30, c.provider)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-muted-foreground">{t("note")}</p>
      </CardContent>
    </Card>
  );
}
