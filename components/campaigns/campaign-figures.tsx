import type { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import type { CampaignCosts } from "@/lib/campaigns/list-campaigns";
import { formatAmount } from "@/lib/format/amount";
import type { ProviderName } from "@/lib/sms/types";

const NUMBER = new Intl.NumberFormat("en-GB");

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
  const figures: [string, number, string][] = [
    ["Sent", progress.sent, "sent"],
    ["Delivered", progress.delivered, "delivered"],
    ["Failed", progress.failed, "failed"],
  ];
  if (progress.scheduled > 0) figures.push(["Scheduled", progress.scheduled, "scheduled"]);
  if (progress.waiting > 0 || progress.scheduled === 0) figures.push(["Waiting", progress.waiting, "waiting"]);
  if (progress.stopped > 0) figures.push(["Not sent", progress.stopped, "stopped"]);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 xl:grid-cols-5" data-testid="campaign-counts">
        {figures.map(([label, value, id]) => (
          <div key={id} className="rounded-lg border p-3" data-figure={id}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${id}`}>
              {NUMBER.format(value)}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="space-y-1 text-sm" data-testid="campaign-cost">
        <li data-testid="cost-charged" data-value={costs.charged}>
          <span className="text-muted-foreground">Charged:</span> {formatAmount(costs.charged, provider)}
          {progress.sent > 0 ? (
            <span className="text-muted-foreground">
              {" "}
              · {formatAmount(costs.charged / progress.sent, provider)} per message sent
            </span>
          ) : null}
        </li>
        {costs.held > 0 ? (
          <li data-testid="cost-held" data-value={costs.held}>
            <span className="text-muted-foreground">Held by CPSMS:</span> {formatAmount(costs.held, provider)} for{" "}
            {NUMBER.format(progress.scheduled)} scheduled {progress.scheduled === 1 ? "message" : "messages"}
            {scheduledFor ? ` (sends ${scheduledFor})` : ""}; refunded if cancelled.
          </li>
        ) : null}
        {costs.estimated > 0 ? (
          <li data-testid="cost-estimated" data-value={costs.estimated}>
            <span className="text-muted-foreground">Estimate, not charged yet:</span> ≈{" "}
            {formatAmount(costs.estimated, provider)} for {NUMBER.format(progress.waiting)}{" "}
            {progress.waiting === 1 ? "message" : "messages"} still to send.
          </li>
        ) : null}
      </ul>
    </div>
  );
}
