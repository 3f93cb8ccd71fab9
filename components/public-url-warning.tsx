import { TriangleAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("Shell.publicUrlWarning");
  return (
    <Alert variant="destructive" className={className ?? "mb-6"} data-testid="public-url-warning">
      <TriangleAlert />
      <AlertTitle>{t("title")}</AlertTitle>
      <AlertDescription>{problem}</AlertDescription>
    </Alert>
  );
}
