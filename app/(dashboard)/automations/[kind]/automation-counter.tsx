"use client";

import { lazy, Suspense } from "react";
import type { AutomationCountProps } from "./automation-count";

// The segment calculator is most of the counter's weight: it loads after the page, not with its first script.
const AutomationCount = lazy(() => import("./automation-count").then((m) => ({ default: m.AutomationCount })));

/** Characters, encoding and segments of one language's text as it will be sent (the compose editor's count). */
export function AutomationCounter(props: AutomationCountProps) {
  return (
    <Suspense fallback={<p id={props.id} className="h-4" />}>
      <AutomationCount {...props} />
    </Suspense>
  );
}
