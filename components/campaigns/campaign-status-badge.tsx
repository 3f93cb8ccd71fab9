import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";

const VARIANT: Record<CampaignStatus, "default" | "secondary" | "outline" | "success" | "warning" | "destructive"> = {
  draft: "outline",
  scheduled: "secondary",
  queued: "secondary",
  sending: "default",
  paused: "warning",
  completed: "success",
  cancelled: "outline",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const t = useTranslations("Campaigns");
  return (
    <Badge variant={VARIANT[status]} data-testid="campaign-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
