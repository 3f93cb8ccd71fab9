import { AreaLoading } from "@/components/route-states/area-loading";

export default function ContactsLoading() {
  return <AreaLoading area="contacts" columns={6} />;
}
