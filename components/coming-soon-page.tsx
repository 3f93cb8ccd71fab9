import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/ui/empty-state";

/** A section that exists in the navigation but whose feature isn't built yet: say what it will do. */
export function ComingSoonPage(props: {
  title: string;
  description: string;
  icon: React.ReactNode;
  emptyTitle: string;
  emptyDescription: string;
}) {
  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <EmptyState icon={props.icon} title={props.emptyTitle} description={props.emptyDescription} />
    </>
  );
}
