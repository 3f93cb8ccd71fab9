import { AreaLoading } from "@/components/route-states/area-loading";

export default function CampaignsLoading() {
  return <AreaLoading area="campaigns" columns={5} toolbar={false} />;
}
