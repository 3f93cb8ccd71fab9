import { AreaLoading } from "@/components/route-states/area-loading";

export default function CpsmsLogLoading() {
  return <AreaLoading label="Loading the CPSMS log" columns={5} header={false} toolbar={false} />;
}
