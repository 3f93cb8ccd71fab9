import { AreaLoading } from "@/components/route-states/area-loading";

// No layout of its own: history/layout.tsx checks the session, outside this boundary.
export default function HistoryLoading() {
  return <AreaLoading area="history" columns={6} header={false} />;
}
