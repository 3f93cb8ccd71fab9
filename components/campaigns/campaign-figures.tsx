import { useFormatter, useTranslations } from "next-intl";
import type { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import type { CampaignCosts } from "@/lib/campaigns/list-campaigns";
import { amountText } from "@/lib/i18n/amount";
import type { ProviderName } from "@/lib/sms/types";

type Props = {
  provider: ProviderName;
  progress: ReturnType<typeof summarizeProgress>;
  costs: CampaignCosts;
  scheduledFor: string | null;
};

/**
 * A campaign's counts and money, from the same tally and cost rules as the campaigns list, history and the
 * dashboard. Held and waiting messages are counted apart from sent ones, and each kind of money is labelled:
 * charged (what the provider took for messages that went out), held by CPSMS (refunded if cancelled), estimate.
 */
export function CampaignFigures({ provider, progress, costs, scheduledFor }: Props) {
  const t = useTranslations("Campaigns.figures");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  const amount = (value: number) => amountText(tUnits, format, value, provider);
  const figures: [string, number, string][] = [
    [t("sent"), progress.sent, "sent"],
    [t("delivered"), progress.delivered, "delivered"],
    [t("failed"), progress.failed, "failed"],
  ];
  if (progress.scheduled > 0) figures.push([t("scheduled"), progress.scheduled, "scheduled"]);
  if (progress.waiting > 0 || progress.scheduled === 0) figures.push([t("waiting"), progress.waiting, "waiting"]);
  if (progress.stopped > 0) figures.push([t("notSent"), progress.stopped, "stopped"]);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 xl:grid-cols-5" data-testid="campaign-counts">
        {figures.map(([label, value, id]) => (
          <div key={id} className="rounded-lg border p-3" data-figure={id}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${id}`}>
              {format.number(value)}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="space-y-1 text-sm" data-testid="campaign-cost">
        <li data-testid="cost-charged" data-value={costs.charged}>
          <span className="text-muted-foreground">{t("charged")}</span> {amount(costs.charged)}
          {progress.sent > 0 ? (
            <span className="text-muted-foreground">
              {" "}
              · {t("perMessage", { amount: amount(costs.charged / progress.sent) })}
            </span>
          ) : null}
        </li>
        {costs.held > 0 ? (
          <li data-testid="cost-held" data-value={costs.held}>
            <span className="text-muted-foreground">{t("held")}</span>{" "}
            {t("heldDetail", {
              amount: amount(costs.held),
              count: progress.scheduled,
              sends: scheduledFor ? "yes" : "no",
              when: scheduledFor ?? "",
            })}
          </li>
        ) : null}
        {costs.estimated > 0 ? (
          <li data-testid="cost-estimated" data-value={costs.estimated}>
            <span className="text-muted-foreground">{t("estimate")}</span>{" "}
            {t("estimateDetail", { amount: amount(costs.estimated), count: progress.waiting })}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
