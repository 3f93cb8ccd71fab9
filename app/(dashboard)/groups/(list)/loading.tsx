import { AreaLoading } from "@/components/route-states/area-loading";

export default function GroupsLoading() {
  return <AreaLoading area="groups" columns={4} toolbar={false} />;
}
