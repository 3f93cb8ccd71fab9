"use client";

import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { AudiencePreview } from "@/lib/campaigns/compose/preview-audience";
import { problemText } from "@/lib/contacts/problem";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import type { ProviderName } from "@/lib/sms/types";

/**
 * The resolved audience: how many get it, through which provider, who was left out and why, and how many the
 * frequency cap would skip (at the chosen time, or now; a weekly send is checked again at each run).
 */
export function AudienceSummary({
  preview,
  pending,
  error,
  scheduleMode,
}: {
  preview: AudiencePreview | null;
  pending: boolean;
  error: string | null;
  scheduleMode: "now" | "later" | "weekly";
}) {
  const t = useTranslations("Compose.audienceSummary");
  const tAll = useTranslations();
  return (
    <div aria-live="polite" className="rounded-lg border bg-muted/30 p-3 text-sm" data-testid="audience-summary">
      {error ? (
        <p className="text-destructive">{error}</p>
      ) : !preview ? (
        <p className="text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="space-y-2">
          <p className="flex items-center gap-2">
            <strong className="text-base tabular-nums" data-testid="audience-total">
              {t("total", { count: preview.total })}
            </strong>
            <span>{t("getsMessage", { count: preview.total })}</span>
            {pending && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label={t("updating")} />}
          </p>
          {preview.total > 0 && (
            <p className="text-muted-foreground">
              {(Object.entries(preview.byProvider) as [ProviderName, number][])
                .filter(([, n]) => n > 0)
                .map(([p, n]) => t("throughProvider", { count: n, provider: PROVIDER_LABELS[p] }))
                .join(" · ")}
            </p>
          )}
          {preview.frequencyCap && preview.frequencyCap.skipped > 0 && (
            <p className="text-amber-700 dark:text-amber-400" data-testid="audience-capped">
              {t(`capped.${scheduleMode}`, {
                count: preview.frequencyCap.skipped,
                messages: preview.frequencyCap.messages,
                days: preview.frequencyCap.days,
              })}
            </p>
          )}
          {preview.skipped.length > 0 && (
            <details className="group">
              <summary className="cursor-pointer text-amber-700 dark:text-amber-400">
                {t("leftOut", {
                  count: preview.skipped.reduce((n, s) => n + s.count, 0),
                  reasons: preview.skipped.map((s) => t(`skippedCount.${s.reason}`, { count: s.count })).join(", "),
                })}
              </summary>
              <ul className="mt-2 space-y-1 text-xs">
                {preview.skipped.flatMap((s) =>
                  s.examples.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: examples are a fixed list per reason, re-rendered whole
                    <li key={`${s.reason}-${i}`}>
                      <span className="font-medium">{e.who}</span>:{" "}
                      {e.problem ? problemText(tAll, e.problem) : t(`skippedReason.${s.reason}`)}
                    </li>
                  )),
                )}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
