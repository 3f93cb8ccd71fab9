import { useFormatter, useTranslations } from "next-intl";
import { countAxisMax, dayDate, dayTickIndices } from "@/lib/dashboard/chart-ticks";
import type { DayPoint } from "@/lib/dashboard/dashboard";

// Server-rendered SVG: no chart library in the browser. (recharts was a 400 kB script whose start-up alone cost
// the dashboard ~0.6 s of blocked main thread in Lighthouse.) Hovering a bar or point shows its figures.
// The axis labels are HTML laid over the SVG, not SVG text: SVG text scales with the drawing, so it was ~6 px on
// a phone and crowded at the right end. As HTML they keep the page's type size at every width.

const W = 600;
const H = 208;
const PLOT = { left: 44, right: 592, top: 8, bottom: 200 };
const pct = (v: number, of: number) => `${(v / of) * 100}%`;

const step = (count: number) => (PLOT.right - PLOT.left) / Math.max(1, count);
const yOf = (v: number, yMax: number) => PLOT.bottom - (v / yMax) * (PLOT.bottom - PLOT.top);

function GridLines({ yMax }: { yMax: number }) {
  return (
    <g>
      {[0, yMax / 2, yMax].map((t) => (
        <line
          key={t}
          x1={PLOT.left}
          x2={PLOT.right}
          y1={yOf(t, yMax)}
          y2={yOf(t, yMax)}
          className="stroke-border"
          strokeDasharray="3 3"
        />
      ))}
    </g>
  );
}

/** The SVG with its axis labels around it: y figures in the left margin, days under the plot. */
function Chart({
  series,
  yMax,
  label,
  children,
}: {
  series: DayPoint[];
  yMax: number;
  label: string;
  children: React.ReactNode;
}) {
  const format = useFormatter();
  const s = step(series.length);
  return (
    <div className="text-[11px] leading-none text-muted-foreground" data-testid="chart">
      <div className="relative">
        <svg viewBox={`0 0 ${W} ${H}`} className="block h-auto w-full" role="img" aria-label={label}>
          <GridLines yMax={yMax} />
          {children}
        </svg>
        <div aria-hidden>
          {[0, yMax / 2, yMax].map((t) => (
            <span
              key={t}
              className="absolute -translate-y-1/2 pr-1 text-right tabular-nums"
              style={{ top: pct(yOf(t, yMax), H), left: 0, width: pct(PLOT.left, W) }}
            >
              {format.number(t, { notation: "compact", maximumFractionDigits: 1 })}
            </span>
          ))}
        </div>
      </div>
      <div aria-hidden className="relative mt-1 h-4" data-testid="chart-days">
        {dayTickIndices(series.length).map((i) => (
          // Centred under its day, but never past either edge of the chart (a label is under 2.5rem wide).
          <span
            key={series[i]!.day}
            className="absolute -translate-x-1/2 whitespace-nowrap"
            style={{ left: `clamp(1.25rem, ${pct(PLOT.left + s * (i + 0.5), W)}, calc(100% - 1.25rem))` }}
          >
            {format.dateTime(dayDate(series[i]!.day), "short")}
          </span>
        ))}
      </div>
    </div>
  );
}

function Legend({ items }: { items: { label: string; className: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block size-2.5 rounded-sm ${item.className}`} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Messages per day (stacked by outcome) and the delivery rate over the same days. */
export default function DeliveryCharts({ series }: { series: DayPoint[] }) {
  const t = useTranslations("Home.charts");
  const format = useFormatter();
  const shortDay = (day: string) => format.dateTime(dayDate(day), "short");
  const percent = (rate: number) => format.number(rate, { style: "percent", maximumFractionDigits: 1 });
  const days = series.map((d) => ({ ...d, other: Math.max(0, d.sent - d.delivered - d.failed) }));
  const yMax = countAxisMax(Math.max(0, ...days.map((d) => d.delivered + d.other + d.failed)));
  const s = step(days.length);
  const bar = Math.max(2, s * 0.7);
  const h = (v: number) => (v / yMax) * (PLOT.bottom - PLOT.top);
  const total = days.reduce((n, d) => n + d.delivered + d.other + d.failed, 0);

  const rated = days.map((d, i) => ({ d, i })).filter((p) => p.d.rate !== null);
  const ry = (rate: number) => PLOT.bottom - rate * (PLOT.bottom - PLOT.top);
  const rx = (i: number) => PLOT.left + s * (i + 0.5);
  const rates = rated.map((p) => p.d.rate!);
  const average = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium">{t("perDay")}</figcaption>
        <Chart series={days} yMax={yMax} label={t("perDayLabel", { days: days.length, total })}>
          {days.map((d, i) => {
            const x = PLOT.left + s * i + (s - bar) / 2;
            let top = PLOT.bottom;
            const parts = [
              { v: d.delivered, className: "fill-emerald-600" },
              { v: d.other, className: "fill-slate-400" },
              { v: d.failed, className: "fill-red-600" },
            ];
            return (
              <g key={d.day}>
                <title>
                  {t("barTitle", { day: shortDay(d.day), delivered: d.delivered, other: d.other, failed: d.failed })}
                </title>
                {parts.map((p, k) => {
                  if (p.v <= 0) return null;
                  top -= h(p.v);
                  // biome-ignore lint/suspicious/noArrayIndexKey: the stacked parts are a fixed, ordered list per bar
                  return <rect key={k} x={x} y={top} width={bar} height={h(p.v)} className={p.className} />;
                })}
                <rect x={PLOT.left + s * i} y={PLOT.top} width={s} height={PLOT.bottom - PLOT.top} fill="transparent" />
              </g>
            );
          })}
        </Chart>
        <Legend
          items={[
            { label: t("delivered"), className: "bg-emerald-600" },
            { label: t("other"), className: "bg-slate-400" },
            { label: t("failed"), className: "bg-red-600" },
          ]}
        />
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium">{t("rate")}</figcaption>
        <Chart
          series={days}
          yMax={100}
          label={average === null ? t("rateNone") : t("rateLabel", { average: percent(average), days: rates.length })}
        >
          {rated.length > 1 ? (
            <polyline
              points={rated.map((p) => `${rx(p.i)},${ry(p.d.rate!)}`).join(" ")}
              fill="none"
              className="stroke-primary"
              strokeWidth={2}
              strokeLinejoin="round"
            />
          ) : null}
          {rated.map((p) => (
            <circle
              key={p.d.day}
              cx={rx(p.i)}
              cy={ry(p.d.rate!)}
              r={rated.length > 1 ? 2.5 : 4}
              className="fill-primary"
            >
              <title>{t("pointTitle", { day: shortDay(p.d.day), rate: percent(p.d.rate!) })}</title>
            </circle>
          ))}
        </Chart>
      </figure>
    </div>
  );
}
