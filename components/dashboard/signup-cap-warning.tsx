import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { TextCapWarning } from "@/lib/signup/text-cap-warning";

/**
 * The hourly cap on confirmation texts turned sign-ups away in the last 24 hours: how many, under which cap and
 * when, and what to do about it (nothing for SMS pumping; raise the cap for real guests). Managers and owners.
 */
export function SignupCapWarning({ warning }: { warning: TextCapWarning }) {
  const t = useTranslations("Home.signupCap");
  const format = useFormatter();
  return (
    <Alert variant="warning" data-testid="signup-cap-warning">
      <TriangleAlert />
      <AlertTitle>{t("title")}</AlertTitle>
      <AlertDescription>
        <ul className="list-disc space-y-1 ps-4">
          {warning.refusals.map((r) => {
            const when = format.dateTimeRange(r.from, r.until, "moment");
            return (
              <li key={r.scope} data-testid="signup-cap-refusal" data-scope={r.scope}>
                {r.scope === "all"
                  ? t("overall", { count: r.refused, cap: warning.hourlyCap, when })
                  : t("country", { count: r.refused, code: r.scope, cap: warning.hourlyCapPerCountry, when })}
              </li>
            );
          })}
        </ul>
        <p>
          {t.rich("whatToDo", {
            link: (chunks) => (
              <Link href="/settings/signup" className="underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AlertDescription>
    </Alert>
  );
}
