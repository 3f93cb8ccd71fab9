import { AreaLoading } from "@/components/route-states/area-loading";

export default function ContactsLoading() {
  return <AreaLoading label="Loading guests" columns={6} />;
}
