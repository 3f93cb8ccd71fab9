import { PageSkeleton } from "@/components/route-states/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading messages" kind="table" header={false} />;
}
