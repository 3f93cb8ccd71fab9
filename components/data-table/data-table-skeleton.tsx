import { useTranslations } from "next-intl";
import type { LoadingArea } from "@/components/route-states/area-loading";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a table looks like while its rows load (Suspense fallback, loading.tsx): the same frame, grey bars
 * instead of text, so nothing jumps when the rows arrive. Extra columns are dropped on a phone as the tables do.
 */
export function DataTableSkeleton({
  columns = 5,
  rows = 8,
  toolbar = true,
  label,
  area,
}: {
  columns?: number;
  rows?: number;
  toolbar?: boolean;
  /** The screen-reader label: an area's "Loading …" words (Shell.loading), or a label of your own. */
  label?: string;
  area?: LoadingArea;
}) {
  const t = useTranslations("Shell");
  // Placeholder cells have no identity of their own: their keys are just their places.
  const cells = Array.from({ length: columns }, (_, i) => ({ key: `c${i}`, hide: i >= 3 ? "hidden md:block" : "" }));
  const lines = Array.from({ length: rows }, (_, i) => `r${i}`);
  return (
    <div className="space-y-3" role="status" aria-label={label ?? (area ? t(`loading.${area}`) : t("table.loading"))}>
      {toolbar ? (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Skeleton className="h-9 w-full sm:w-72" />
          <Skeleton className="h-9 w-full sm:w-40" />
        </div>
      ) : null}
      <div className="rounded-lg border">
        <div className="flex gap-4 border-b px-3 py-3">
          {cells.map((cell) => (
            <Skeleton key={cell.key} className={`h-4 flex-1 ${cell.hide}`} />
          ))}
        </div>
        {lines.map((line) => (
          <div key={line} className="flex gap-4 border-b px-3 py-3 last:border-0">
            {cells.map((cell) => (
              <Skeleton key={cell.key} className={`h-4 flex-1 ${cell.hide}`} />
            ))}
          </div>
        ))}
      </div>
      <div className="flex justify-end gap-2">
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-24" />
      </div>
    </div>
  );
}
