import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";

const LOOK: Record<
  CampaignStatus,
  { label: string; variant: "default" | "secondary" | "outline" | "success" | "warning" | "destructive" }
> = {
  draft: { label: "Awaiting approval", variant: "outline" },
  scheduled: { label: "Scheduled", variant: "secondary" },
  queued: { label: "Queued", variant: "secondary" },
  sending: { label: "Sending", variant: "default" },
  paused: { label: "Paused", variant: "warning" },
  completed: { label: "Finished", variant: "success" },
  cancelled: { label: "Cancelled", variant: "outline" },
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const look = LOOK[status];
  return (
    <Badge variant={look.variant} data-testid="campaign-status">
      {look.label}
    </Badge>
  );
}
