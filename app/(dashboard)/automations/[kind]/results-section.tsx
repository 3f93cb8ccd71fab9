import { getFormatter, getTranslations } from "next-intl/server";
import { type HoldoutResults, VISIT_WINDOW_DAYS } from "@/lib/automations/holdout-results";
import { MIN_GROUP_SIZE } from "@/lib/automations/visit-rate-interval";

/** Visit rate of texted guests against the control group, with sample sizes and the 95% interval. */
export async function HoldoutResultsSection({
  results,
  holdoutPercent,
}: {
  results: HoldoutResults;
  holdoutPercent: number;
}) {
  const t = await getTranslations("Automations.results");
  const format = await getFormatter();
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const points = (v: number) => format.number(v * 100, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const group = (label: string, g: { guests: number; visited: number }, testId: string) => (
    <div className="rounded-lg border p-3" data-testid={testId}>
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-lg font-semibold tabular-nums">{g.guests > 0 ? percent(g.visited / g.guests) : "–"}</p>
      <p className="text-xs text-muted-foreground">{t("sample", { visited: g.visited, guests: g.guests })}</p>
    </div>
  );
  return (
    <section aria-labelledby="results-heading" className="space-y-3" data-testid="holdout-results">
      <h2 id="results-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro", { days: VISIT_WINDOW_DAYS })}</p>
      <div className="grid grid-cols-2 gap-3">
        {group(t("texted"), results.texted, "results-texted")}
        {group(t("control"), results.control, "results-control")}
      </div>
      {results.difference ? (
        <p className="text-sm" data-testid="results-difference">
          {t("difference", {
            difference: points(results.difference.difference),
            low: points(results.difference.low),
            high: points(results.difference.high),
          })}
        </p>
      ) : (
        <p className="text-sm" data-testid="results-not-enough">
          {holdoutPercent === 0 && results.control.guests === 0
            ? t("noHoldout")
            : t("notEnough", { min: MIN_GROUP_SIZE, texted: results.texted.guests, control: results.control.guests })}
        </p>
      )}
      {results.pending > 0 ? (
        <p className="text-xs text-muted-foreground">{t("pending", { count: results.pending })}</p>
      ) : null}
      <p className="text-xs text-muted-foreground">{t("method")}</p>
    </section>
  );
}
