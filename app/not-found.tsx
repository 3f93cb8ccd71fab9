import { Compass } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        icon={<Compass />}
        title="Page not found"
        description="The page you were looking for doesn't exist or has moved."
        action={
          <Button asChild>
            <Link href="/">Go to the dashboard</Link>
          </Button>
        }
      />
    </main>
  );
}
