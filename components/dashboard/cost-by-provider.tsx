import { Card, CardContent } from "@/components/ui/card";
import type { CostByProvider } from "@/lib/dashboard/dashboard";
import { formatAmount } from "@/lib/format/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";

/**
 * What each provider charged for messages that went out, today and over 30 days. Held and estimated amounts are
 * not in it (they are under "Coming up"), so it matches the providers' own logs.
 */
export function CostByProviderTable({ costs }: { costs: CostByProvider[] }) {
  return (
    <Card>
      <CardContent>
        <table className="w-full text-sm" data-testid="cost-by-provider">
          <caption className="mb-2 text-left font-medium">Charged by provider</caption>
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th className="font-normal">Provider</th>
              <th className="text-right font-normal">Today</th>
              <th className="text-right font-normal">Last 30 days</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((c) => (
              <tr key={c.provider}>
                <td>{PROVIDER_LABELS[c.provider]}</td>
                <td className="text-right tabular-nums" data-testid={`cost-today-${c.provider}`}>
                  {formatAmount(c.today, c.provider)}
                </td>
                <td className="text-right tabular-nums" data-testid={`cost-30d-${c.provider}`} data-value={c.days30}>
                  {formatAmount(c.days30, c.provider)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-muted-foreground">
          What the providers charged for messages that went out. Scheduled and queued sends are under Coming up.
        </p>
      </CardContent>
    </Card>
  );
}
