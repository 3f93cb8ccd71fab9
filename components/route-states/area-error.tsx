"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What Next passes an error.tsx (Next 16: `retry` fetches the segment again from the server and re-renders it). */
export type AreaErrorProps = { error: unknown; retry: () => void };

/** The areas with an error boundary: keys under `Shell.areaError.titles`. */
export type ErrorArea =
  | "history"
  | "compose"
  | "contacts"
  | "settings"
  | "home"
  | "groups"
  | "campaigns"
  | "automations"
  | "redeem";

/**
 * An area's error boundary: a plain message and "Try again", never the error's text or stack (a server error
 * reaches the browser as a generic message with a digest; the details are in the server log under that digest).
 */
export function AreaError({ error, retry, area }: AreaErrorProps & { area: ErrorArea }) {
  const t = useTranslations("Shell.areaError");
  const tCommon = useTranslations("Common");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert">
      <EmptyState
        icon={<TriangleAlert />}
        title={t(`titles.${area}`)}
        description={
          digest
            ? t.rich("descriptionWithDigest", {
                digest,
                code: (chunks) => <span className="font-mono">{chunks}</span>,
              })
            : t("description")
        }
        action={
          <Button variant="outline" onClick={retry}>
            <RotateCcw aria-hidden /> {tCommon("tryAgain")}
          </Button>
        }
      />
    </div>
  );
}
