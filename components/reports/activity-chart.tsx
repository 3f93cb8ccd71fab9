import { useFormatter, useTranslations } from "next-intl";
import { countAxisMax, dayDate, dayTickIndices } from "@/lib/dashboard/chart-ticks";
import { activityByWeek, activityUnit } from "@/lib/reports/activity-weeks";
import type { ActivityDay } from "@/lib/reports/report-activity";

// Server-rendered SVG like the dashboard's charts (components/dashboard/delivery-charts.tsx): no chart library in
// the browser; axis labels are HTML laid over the drawing so they keep the page's type size on a phone.

const W = 600;
const H = 160;
const PLOT = { left: 36, right: 592, top: 8, bottom: 152 };
const pct = (v: number, of: number) => `${(v / of) * 100}%`;

/**
 * Human clicks and redemptions per day (per week beyond a quarter: lib/reports/activity-weeks.ts), side by side;
 * hovering a bar shows both figures.
 */
export function ActivityChart({ days: daily, caption }: { days: ActivityDay[]; caption: string }) {
  const t = useTranslations("Reports.activity");
  const format = useFormatter();
  const unit = activityUnit(daily.length);
  const days = unit === "week" ? activityByWeek(daily) : daily;
  const yMax = countAxisMax(Math.max(0, ...days.map((d) => Math.max(d.clicks, d.redemptions))));
  const s = (PLOT.right - PLOT.left) / Math.max(1, days.length);
  const bar = Math.max(1, (s * 0.8) / 2);
  const y = (v: number) => PLOT.bottom - (v / yMax) * (PLOT.bottom - PLOT.top);
  const clicks = days.reduce((n, d) => n + d.clicks, 0);
  const redemptions = days.reduce((n, d) => n + d.redemptions, 0);
  const shortDay = (day: string) => format.dateTime(dayDate(day), "short");
  return (
    <figure className="min-w-0" data-testid="report-activity">
      <figcaption className="mb-2 text-sm font-medium">{caption}</figcaption>
      <div className="text-[11px] leading-none text-muted-foreground">
        <div className="relative">
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className="block h-auto w-full"
            role="img"
            aria-label={t("label", { days: daily.length, clicks, redemptions })}
          >
            {[0, yMax / 2, yMax].map((v) => (
              <line
                key={v}
                x1={PLOT.left}
                x2={PLOT.right}
                y1={y(v)}
                y2={y(v)}
                className="stroke-border"
                strokeDasharray="3 3"
              />
            ))}
            {days.map((d, i) => {
              const x = PLOT.left + s * i + (s - 2 * bar) / 2;
              return (
                <g key={d.day}>
                  <title>
                    {t(unit === "week" ? "weekTitle" : "barTitle", {
                      day: shortDay(d.day),
                      clicks: d.clicks,
                      redemptions: d.redemptions,
                    })}
                  </title>
                  {d.clicks > 0 ? (
                    <rect
                      x={x}
                      y={y(d.clicks)}
                      width={bar}
                      height={PLOT.bottom - y(d.clicks)}
                      className="fill-sky-600"
                    />
                  ) : null}
                  {d.redemptions > 0 ? (
                    <rect
                      x={x + bar}
                      y={y(d.redemptions)}
                      width={bar}
                      height={PLOT.bottom - y(d.redemptions)}
                      className="fill-amber-500"
                    />
                  ) : null}
                  <rect
                    x={PLOT.left + s * i}
                    y={PLOT.top}
                    width={s}
                    height={PLOT.bottom - PLOT.top}
                    fill="transparent"
                  />
                </g>
              );
            })}
          </svg>
          <div aria-hidden>
            {[0, yMax / 2, yMax].map((v) => (
              <span
                key={v}
                className="absolute -translate-y-1/2 pr-1 text-right tabular-nums"
                style={{ top: pct(y(v), H), left: 0, width: pct(PLOT.left, W) }}
              >
                {format.number(v, { notation: "compact", maximumFractionDigits: 1 })}
              </span>
            ))}
          </div>
        </div>
        <div aria-hidden className="relative mt-1 h-4">
          {dayTickIndices(days.length).map((i) => (
            <span
              key={days[i]!.day}
              className="absolute -translate-x-1/2 whitespace-nowrap"
              style={{ left: `clamp(1.25rem, ${pct(PLOT.left + s * (i + 0.5), W)}, calc(100% - 1.25rem))` }}
            >
              {shortDay(days[i]!.day)}
            </span>
          ))}
        </div>
      </div>
      <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-2.5 rounded-sm bg-sky-600" />
          {t("clicks")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-2.5 rounded-sm bg-amber-500" />
          {t("redemptions")}
        </li>
      </ul>
    </figure>
  );
}
