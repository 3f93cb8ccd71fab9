"use client";

import { AreaError, type AreaErrorProps } from "@/components/route-states/area-error";

export default function HistoryError(props: AreaErrorProps) {
  return <AreaError {...props} area="history" />;
}
