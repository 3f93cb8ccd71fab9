import { AreaLoading } from "@/components/route-states/area-loading";

export default function GroupsLoading() {
  return <AreaLoading label="Loading groups" columns={4} toolbar={false} />;
}
