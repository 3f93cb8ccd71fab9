"use client";

import { useTranslations } from "next-intl";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { CAMPAIGN_PAGE_SIZES, campaignTableParsers } from "@/lib/campaigns/campaign-table-params";

/**
 * What is interactive around the campaigns table (rendered on the server, `children`): rows per page and the
 * links to newer and older campaigns, with the table marked busy while a new page loads.
 */
export function CampaignsTableFrame({
  listedWith,
  nextCursor,
  prevCursor,
  children,
}: {
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
  children: React.ReactNode;
}) {
  const t = useTranslations("Campaigns.list");
  const url = useTableUrlState(campaignTableParsers);
  return (
    <div className="space-y-3" aria-busy={url.pending}>
      {children}
      <DataTablePagination
        listedWith={listedWith}
        nextCursor={nextCursor}
        prevCursor={prevCursor}
        labels={{ prev: t("newer"), next: t("older") }}
        pageSize={{
          value: url.state.size,
          options: CAMPAIGN_PAGE_SIZES,
          onChange: (size) => url.setFilters({ size: size as typeof url.state.size }),
        }}
      />
    </div>
  );
}
