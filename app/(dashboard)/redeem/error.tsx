"use client";

import { AreaError, type AreaErrorProps } from "@/components/route-states/area-error";

export default function RedeemError(props: AreaErrorProps) {
  return <AreaError {...props} area="redeem" />;
}
