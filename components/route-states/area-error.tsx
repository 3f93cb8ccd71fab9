"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What Next passes an error.tsx (Next 16: `retry` fetches the segment again from the server and re-renders it). */
export type AreaErrorProps = { error: unknown; retry: () => void };

/**
 * An area's error boundary: a plain message and "Try again", never the error's text or stack (a server error
 * reaches the browser as a generic message with a digest; the details are in the server log under that digest).
 */
export function AreaError({ error, retry, area }: AreaErrorProps & { area: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert">
      <EmptyState
        icon={<TriangleAlert />}
        title={`${area} could not be loaded`}
        description={
          <>
            Something went wrong on our side. Nothing you entered was lost; try again in a moment. If it keeps
            happening, tell whoever looks after Cafe de Revenue
            {digest ? (
              <>
                {" "}
                and give them this reference: <span className="font-mono">{digest}</span>
              </>
            ) : null}
            .
          </>
        }
        action={
          <Button variant="outline" onClick={retry}>
            <RotateCcw aria-hidden /> Try again
          </Button>
        }
      />
    </div>
  );
}
