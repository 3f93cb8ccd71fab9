import type { DayPoint } from "@/lib/dashboard/dashboard";

// Server-rendered SVG: no chart library in the browser. (recharts was a 400 kB script whose start-up alone cost
// the dashboard ~0.6 s of blocked main thread in Lighthouse.) Hovering a bar or point shows its figures.

const W = 600;
const H = 230;
const PLOT = { left: 40, right: 592, top: 10, bottom: 200 };
const short = (day: string) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;

/** A round axis maximum (1, 2, 5 × 10^n) at or above `max`. */
function niceMax(max: number) {
  if (max <= 0) return 1;
  const base = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((m) => m * base).find((v) => v >= max) ?? 10 * base);
}

function Axes({ series, yMax, unit }: { series: DayPoint[]; yMax: number; unit: string }) {
  const ticks = [0, yMax / 2, yMax];
  const step = (PLOT.right - PLOT.left) / Math.max(1, series.length);
  const every = Math.max(1, Math.ceil(series.length / 8));
  const y = (v: number) => PLOT.bottom - (v / yMax) * (PLOT.bottom - PLOT.top);
  return (
    <g className="fill-muted-foreground text-[11px]">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(t)} y2={y(t)} className="stroke-border" strokeDasharray="3 3" />
          <text x={PLOT.left - 6} y={y(t) + 4} textAnchor="end">
            {Number.isInteger(t) ? t : t.toFixed(1)}
            {unit}
          </text>
        </g>
      ))}
      {series.map((d, i) =>
        i % every === 0 || i === series.length - 1 ? (
          <text key={d.day} x={PLOT.left + step * (i + 0.5)} y={PLOT.bottom + 18} textAnchor="middle">
            {short(d.day)}
          </text>
        ) : null,
      )}
    </g>
  );
}

function Legend({ items }: { items: { label: string; className: string }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
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
  const days = series.map((d) => ({ ...d, other: Math.max(0, d.sent - d.delivered - d.failed) }));
  const yMax = niceMax(Math.max(0, ...days.map((d) => d.delivered + d.other + d.failed)));
  const step = (PLOT.right - PLOT.left) / Math.max(1, days.length);
  const bar = Math.max(2, step * 0.7);
  const h = (v: number) => (v / yMax) * (PLOT.bottom - PLOT.top);
  const total = days.reduce((n, d) => n + d.delivered + d.other + d.failed, 0);

  const rated = days.map((d, i) => ({ d, i })).filter((p) => p.d.rate !== null);
  const ry = (rate: number) => PLOT.bottom - rate * (PLOT.bottom - PLOT.top);
  const rx = (i: number) => PLOT.left + step * (i + 0.5);
  const rates = rated.map((p) => p.d.rate!);
  const average = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium">Messages per day</figcaption>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-label={`Messages per day over the last ${days.length} days: ${total} in all.`}
        >
          <Axes series={days} yMax={yMax} unit="" />
          {days.map((d, i) => {
            const x = PLOT.left + step * i + (step - bar) / 2;
            let top = PLOT.bottom;
            const parts = [
              { v: d.delivered, className: "fill-emerald-600" },
              { v: d.other, className: "fill-slate-400" },
              { v: d.failed, className: "fill-red-600" },
            ];
            return (
              <g key={d.day}>
                <title>{`${short(d.day)}: ${d.delivered} delivered, ${d.other} not yet or other, ${d.failed} failed`}</title>
                {parts.map((p, k) => {
                  if (p.v <= 0) return null;
                  top -= h(p.v);
                  return <rect key={k} x={x} y={top} width={bar} height={h(p.v)} className={p.className} />;
                })}
                <rect x={PLOT.left + step * i} y={PLOT.top} width={step} height={PLOT.bottom - PLOT.top} fill="transparent" />
              </g>
            );
          })}
        </svg>
        <Legend
          items={[
            { label: "Delivered", className: "bg-emerald-600" },
            { label: "Not yet / other", className: "bg-slate-400" },
            { label: "Failed", className: "bg-red-600" },
          ]}
        />
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium">Delivery rate (%)</figcaption>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-label={
            average === null
              ? "Delivery rate: nothing sent in this period."
              : `Delivery rate per day, on average ${Math.round(average * 1000) / 10}% over ${rates.length} days with messages.`
          }
        >
          <Axes series={days} yMax={100} unit="" />
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
            <circle key={p.d.day} cx={rx(p.i)} cy={ry(p.d.rate!)} r={rated.length > 1 ? 2.5 : 4} className="fill-primary">
              <title>{`${short(p.d.day)}: ${Math.round(p.d.rate! * 1000) / 10}% delivered`}</title>
            </circle>
          ))}
        </svg>
      </figure>
    </div>
  );
}
