import { useFormatter, useTranslations } from "next-intl";
import type { ReportFigures } from "@/lib/reports/report-figures";
import { rate } from "@/lib/reports/report-math";

// Server-rendered, no script: each step a bar whose length is its share of the texts sent, with the figure and its
// rate as HTML above it (text in an SVG would shrink with the drawing on a phone).

type Step = { key: "sent" | "delivered" | "clicked" | "redeemed"; value: number | null; share: number | null };

/** Sent → delivered → clicked → redeemed, each step's bar scaled to sent; a step not measured shows "—". */
export function ReportFunnel({ figures }: { figures: ReportFigures }) {
  const t = useTranslations("Reports.funnel");
  const format = useFormatter();
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const clicked = figures.tracked ? figures.clicked : null;
  const redeemed = figures.codes > 0 ? figures.redeemed : null;
  const steps: Step[] = [
    { key: "sent", value: figures.sent, share: null },
    { key: "delivered", value: figures.delivered, share: rate(figures.delivered, figures.sent) },
    { key: "clicked", value: clicked, share: clicked === null ? null : figures.clickRate },
    { key: "redeemed", value: redeemed, share: redeemed === null ? null : figures.redemptionRate },
  ];
  const widthOf = (v: number | null) =>
    v === null || figures.sent === 0 ? 0 : Math.min(100, (v / figures.sent) * 100);
  const colours = {
    sent: "fill-slate-400",
    delivered: "fill-emerald-600",
    clicked: "fill-sky-600",
    redeemed: "fill-amber-500",
  };
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium">{t("caption")}</figcaption>
      <ol className="space-y-2" data-testid="report-funnel">
        {steps.map((s) => (
          <li key={s.key} className="text-sm" data-step={s.key}>
            <div className="flex items-baseline justify-between gap-3">
              <span className="text-muted-foreground">{t(s.key)}</span>
              <span className="tabular-nums">
                {s.share !== null ? (
                  <span className="mr-2 text-xs text-muted-foreground">
                    {s.key === "delivered"
                      ? t("ofSent", { rate: percent(s.share) })
                      : t("ofDelivered", { rate: percent(s.share) })}
                  </span>
                ) : null}
                <span className="font-semibold" data-testid={`funnel-${s.key}`}>
                  {s.value === null ? "—" : format.number(s.value)}
                </span>
              </span>
            </div>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="mt-1 block h-2.5 w-full" aria-hidden>
              <rect x={0} y={0} width={100} height={10} className="fill-muted" />
              <rect x={0} y={0} width={widthOf(s.value)} height={10} className={colours[s.key]} />
            </svg>
          </li>
        ))}
      </ol>
    </figure>
  );
}
