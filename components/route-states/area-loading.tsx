import { useTranslations } from "next-intl";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";

/** The areas with a loading boundary: keys under `Shell.loading`. */
export type LoadingArea = "smsappHistory" | "cpsmsLog";

/**
 * The loading.tsx of a page that waits on a provider's API (its history or log, a remote call that can take
 * seconds): the table's frame at once, under the area's title, which its layout already shows.
 *
 * Pages that read only our database (30 ms) have no loading.tsx: React shows a boundary's content at the
 * earliest 300 ms after the loading state it replaces, so on every full load the page arrived as a skeleton
 * first and its content 300 ms later, after the scripts. Without the boundary the first paint is the whole
 * page; on a tap in the menu the tapped item shows that it is loading (components/app-shell/nav-links.tsx).
 */
export function AreaLoading({ area, columns }: { area: LoadingArea; columns: number }) {
  const t = useTranslations("Shell.loading");
  return (
    <div aria-busy="true">
      <DataTableSkeleton columns={columns} toolbar={false} label={t(area)} />
    </div>
  );
}
