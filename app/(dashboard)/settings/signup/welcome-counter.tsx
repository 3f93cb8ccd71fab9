"use client";

import { lazy, Suspense } from "react";
import type { WelcomeCountProps } from "./welcome-count";

// The segment calculator is most of the counter's weight: it loads after the page, and only once the welcome text
// is switched on, instead of with the page's first script on a phone.
const WelcomeCount = lazy(() => import("./welcome-count").then((m) => ({ default: m.WelcomeCount })));

/** Characters, encoding and segments of one language's welcome text as it will be sent. */
export function WelcomeCounter(props: WelcomeCountProps) {
  return (
    <Suspense fallback={<p id={props.id} className="h-4" />}>
      <WelcomeCount {...props} />
    </Suspense>
  );
}
