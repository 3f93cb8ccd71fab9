import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * An area's loading.tsx while its page is fetched: a title and either a table or a form in grey, the same
 * frame the page will have, so the switch is calm. `header` is false under a layout that draws its own.
 */
export function PageSkeleton({
  kind = "table",
  header = true,
  label,
}: {
  kind?: "table" | "form";
  header?: boolean;
  label: string;
}) {
  return (
    <div className="space-y-6">
      {header ? (
        <div className="space-y-2">
          <Skeleton className="h-8 w-48" />
          <Skeleton className="h-4 w-full max-w-md" />
        </div>
      ) : null}
      {kind === "table" ? (
        <DataTableSkeleton label={label} />
      ) : (
        <div className="max-w-2xl space-y-4" role="status" aria-label={label}>
          {["a", "b", "c", "d"].map((k) => (
            <div key={k} className="space-y-2">
              <Skeleton className="h-4 w-32" />
              <Skeleton className="h-10 w-full" />
            </div>
          ))}
          <Skeleton className="h-24 w-full" />
        </div>
      )}
    </div>
  );
}
