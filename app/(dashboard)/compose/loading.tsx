import { AreaLoading } from "@/components/route-states/area-loading";

export default function ComposeLoading() {
  return <AreaLoading label="Loading compose" cards={2} />;
}
