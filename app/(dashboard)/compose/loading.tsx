import { AreaLoading } from "@/components/route-states/area-loading";

export default function ComposeLoading() {
  return <AreaLoading area="compose" cards={2} />;
}
