"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayPoint } from "@/lib/dashboard/dashboard";

const short = (day: string) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;

/** Messages per day (stacked by outcome) and the delivery rate over the same days. */
export default function DeliveryCharts({ series }: { series: DayPoint[] }) {
  const data = series.map((d) => ({
    day: short(d.day),
    Delivered: d.delivered,
    "Not yet / other": Math.max(0, d.sent - d.delivered),
    Failed: d.failed,
    rate: d.rate === null ? null : Math.round(d.rate * 1000) / 10,
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium">Messages per day</figcaption>
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ left: -20, right: 4 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="Delivered" stackId="m" fill="var(--color-success, #16a34a)" />
              <Bar dataKey="Not yet / other" stackId="m" fill="var(--color-muted-foreground, #94a3b8)" />
              <Bar dataKey="Failed" stackId="m" fill="var(--color-destructive, #dc2626)" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium">Delivery rate (%)</figcaption>
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ left: -20, right: 4 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(v) => (v === null ? "—" : `${v}%`)} />
              <Line type="monotone" dataKey="rate" name="Delivered" stroke="var(--color-primary, #2563eb)" strokeWidth={2} dot={false} connectNulls />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
