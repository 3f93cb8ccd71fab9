import { AreaLoading } from "@/components/route-states/area-loading";

export default function CpsmsLogLoading() {
  return <AreaLoading area="cpsmsLog" columns={5} />;
}
