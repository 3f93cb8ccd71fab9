import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { publicUrlWarning } from "@/lib/consent/public-url-warning";
import { getDb } from "@/lib/db";

/**
 * A loud banner while texts to real guests carry opt-out links nobody can open (PUBLIC_URL unset or not https).
 * Self-contained (reads what it needs), so a page places it with one line.
 */
export async function PublicUrlWarning({ className }: { className?: string }) {
  const problem = await publicUrlWarning(getDb());
  if (!problem) return null;
  return (
    <Alert variant="destructive" className={className ?? "mb-6"} data-testid="public-url-warning">
      <TriangleAlert />
      <AlertTitle>Opt-out links in your texts don&apos;t work</AlertTitle>
      <AlertDescription>{problem}</AlertDescription>
    </Alert>
  );
}
