"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TemplateIssue } from "@/lib/messages/validate-template";
import { cn } from "@/lib/utils";

/** Problems with merge fields and braces; each can select the offending text, and unknown fields offer the fix. */
export function TemplateIssues({
  id,
  issues,
  onSelect,
  onFix,
}: {
  id: string;
  issues: TemplateIssue[];
  onSelect: (issue: TemplateIssue) => void;
  onFix: (issue: TemplateIssue) => void;
}) {
  const t = useTranslations("Compose");
  return (
    <div id={id} aria-live="polite">
      {issues.length > 0 ? (
        <ul className="space-y-1.5" aria-label={t("issueList.label")}>
          {issues.map((issue) => (
            <li
              key={`${issue.code}-${issue.start}`}
              className={cn(
                "flex flex-wrap items-start gap-x-2 gap-y-1 text-sm",
                issue.severity === "error" ? "text-destructive" : "text-warning",
              )}
            >
              {issue.severity === "error" ? (
                <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              ) : (
                <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              )}
              <span className="min-w-0 flex-1 basis-48">
                <span className="sr-only">
                  {issue.severity === "error" ? t("issueList.error") : t("issueList.warning")}{" "}
                </span>
                {t(`issues.${issue.key}`, issue.values)}
              </span>
              <span className="flex gap-1">
                {issue.suggestion ? (
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    className="h-7 px-2 text-xs text-foreground"
                    onClick={() => onFix(issue)}
                  >
                    {t("issueList.use", { field: `{${issue.suggestion}}` })}
                  </Button>
                ) : null}
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="h-7 px-2 text-xs text-foreground"
                  onClick={() => onSelect(issue)}
                >
                  {t("issueList.show")}
                  <span className="sr-only"> {t("issueList.inMessage")}</span>
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
