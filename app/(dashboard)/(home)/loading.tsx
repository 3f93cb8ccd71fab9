import { AreaLoading } from "@/components/route-states/area-loading";

export default function DashboardLoading() {
  return <AreaLoading area="home" cards={4} />;
}
