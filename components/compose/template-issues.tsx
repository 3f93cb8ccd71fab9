"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
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
  return (
    <div id={id} aria-live="polite">
      {issues.length > 0 ? (
        <ul className="space-y-1.5" aria-label="Problems in the message">
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
                <span className="sr-only">{issue.severity === "error" ? "Error: " : "Warning: "}</span>
                {issue.message}
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
                    Use {`{${issue.suggestion}}`}
                  </Button>
                ) : null}
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="h-7 px-2 text-xs text-foreground"
                  onClick={() => onSelect(issue)}
                >
                  Show<span className="sr-only"> in message</span>
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
