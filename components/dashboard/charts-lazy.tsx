"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** recharts only loads in the browser, after the figures: the page is readable before the charts arrive. */
export const LazyDeliveryCharts = dynamic(() => import("./delivery-charts"), {
  ssr: false,
  loading: () => (
    <div className="grid gap-6 lg:grid-cols-2">
      <Skeleton className="h-64" />
      <Skeleton className="h-64" />
    </div>
  ),
});
