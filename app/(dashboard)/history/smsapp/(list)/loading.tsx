import { AreaLoading } from "@/components/route-states/area-loading";

export default function ProviderHistoryLoading() {
  return <AreaLoading label="Loading the provider's history" columns={5} header={false} toolbar={false} />;
}
