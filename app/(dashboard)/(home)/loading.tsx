import { AreaLoading } from "@/components/route-states/area-loading";

export default function DashboardLoading() {
  return <AreaLoading label="Loading the dashboard" cards={4} />;
}
