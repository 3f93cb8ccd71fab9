import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  return (
    <EmptyState
      icon={<ShieldAlert />}
      title="You don't have access to this page"
      description="Your role doesn't include this part of the dashboard. If you need it, ask the restaurant's owner."
      action={
        <Button asChild variant="outline">
          <Link href="/">Back to the dashboard</Link>
        </Button>
      }
    />
  );
}
