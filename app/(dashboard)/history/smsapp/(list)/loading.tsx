import { AreaLoading } from "@/components/route-states/area-loading";

export default function ProviderHistoryLoading() {
  return <AreaLoading area="smsappHistory" columns={5} />;
}
