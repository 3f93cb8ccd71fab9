import { useTranslations } from "next-intl";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** The areas with a loading boundary: keys under `Shell.loading`. */
export type LoadingArea =
  | "history"
  | "smsappHistory"
  | "cpsmsLog"
  | "compose"
  | "contacts"
  | "home"
  | "groups"
  | "campaigns";

/**
 * An area's loading.tsx: shown the moment a link is tapped (Next prefetches it), before the server answers, in
 * the shape of the page to come: a title bar, then the table or the cards. Only in route groups whose pages
 * can't answer 403 or 404 after the session check (see signed-in-layout.tsx).
 */
export function AreaLoading({
  area,
  columns,
  cards = 0,
  toolbar = true,
  header = true,
}: {
  area: LoadingArea;
  columns?: number;
  cards?: number;
  toolbar?: boolean;
  /** False where the area's layout already shows the title (history). */
  header?: boolean;
}) {
  const t = useTranslations("Shell.loading");
  const label = t(area);
  const cardKeys = Array.from({ length: cards }, (_, i) => `card${i}`);
  return (
    <div className="space-y-6" aria-busy="true">
      {header ? (
        <div className="space-y-2">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-full max-w-md" />
        </div>
      ) : null}
      {cards > 0 ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {cardKeys.map((key) => (
            <Skeleton key={key} className="h-28" />
          ))}
        </div>
      ) : null}
      {columns ? (
        <DataTableSkeleton columns={columns} toolbar={toolbar} label={label} />
      ) : (
        <span role="status" aria-label={label} />
      )}
    </div>
  );
}
