import { formatAmount } from "@/lib/format/amount";
import type { AudienceStats } from "@/lib/messages/audience-stats";
import { MAX_MESSAGE_CHARACTERS } from "@/lib/messages/audience-stats";
import type { ProviderName } from "@/lib/sms/types";
import { cn } from "@/lib/utils";

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

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
  const longest = stats.longest?.info;
  const characters = longest?.characters ?? 0;
  const segments = longest?.segments ?? 1;
  const over = characters > MAX_MESSAGE_CHARACTERS;
  const cost = stats.estimatedCost;
  const overBalance = cost !== null && balance !== undefined && balance !== null && cost > balance;

  return (
    <div id={id} className="space-y-1 text-xs text-muted-foreground">
      <p aria-live="polite" data-testid="message-counter">
        <span className={cn(over && "font-medium text-destructive")}>
          {number.format(characters)} {characters === 1 ? "character" : "characters"}
        </span>
        {" · "}
        <span className={cn(longest?.encoding === "UCS-2" && "font-medium text-warning")}>
          {longest?.encoding ?? "GSM-7"}
        </span>
        {" · "}
        {segments} {segments === 1 ? "segment" : "segments"}
        {showAudience ? <span className="sr-only"> (longest recipient)</span> : null}
      </p>
      {showAudience && stats.recipients > 0 ? (
        <p aria-live="polite" data-testid="audience-stats">
          Per recipient:{" "}
          {stats.minSegments === stats.maxSegments ? stats.minSegments : `${stats.minSegments}–${stats.maxSegments}`}{" "}
          {stats.maxSegments === 1 ? "segment" : "segments"} · {number.format(stats.totalSegments)}{" "}
          {stats.totalSegments === 1 ? "segment" : "segments"} in total
          {cost !== null && provider ? ` · est. ${formatAmount(cost, provider)}` : null}
          {stats.encodings.ucs2 > 0 && stats.encodings.gsm > 0
            ? ` · ${number.format(stats.encodings.ucs2)} of ${number.format(stats.recipients)} in UCS-2 (characters in their names)`
            : null}
        </p>
      ) : null}
      {over ? (
        <p role="alert" className="font-medium text-destructive">
          Too long: providers accept at most {number.format(MAX_MESSAGE_CHARACTERS)} characters (10 segments)
          {stats.overLimit.count > 1 ? `; ${number.format(stats.overLimit.count)} recipients are over` : ""}. Shorten
          the message.
        </p>
      ) : null}
      {overBalance && provider ? (
        <p role="alert" className="font-medium text-warning">
          The estimate ({formatAmount(cost, provider)}) is more than your balance ({formatAmount(balance, provider)}).
          Top up before sending.
        </p>
      ) : null}
    </div>
  );
}
