import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { DELIVERY_STATE_OF, DELIVERY_STATE_VARIANT } from "@/lib/campaigns/delivery-status";

/** A message's status in the one model both providers share, with what it means on hover. */
export function DeliveryStateBadge({ status }: { status: MessageStatus }) {
  const t = useTranslations("History");
  const state = DELIVERY_STATE_OF[status];
  return (
    <Badge variant={DELIVERY_STATE_VARIANT[state]} title={t(`stateHelp.${state}`)} data-status={status}>
      {t(`states.${state}`)}
    </Badge>
  );
}
