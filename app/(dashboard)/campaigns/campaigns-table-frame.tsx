"use client";

import { useTranslations } from "next-intl";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { NativeSelect } from "@/components/ui/native-select";
import { CAMPAIGN_LIST_KINDS, type CampaignListKind } from "@/lib/campaigns/campaign-origin";
import { CAMPAIGN_PAGE_SIZES, campaignTableParsers } from "@/lib/campaigns/campaign-table-params";

/**
 * What is interactive around the campaigns table (rendered on the server, `children`): which campaigns (the
 * staff's or the sign-up page's texts), rows per page and the links to newer and older campaigns, with the table
 * marked busy while a new page loads. `paging` false: nothing listed (an empty state), so only the choice shows.
 */
export function CampaignsTableFrame({
  listedWith,
  nextCursor,
  prevCursor,
  paging = true,
  children,
}: {
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
  paging?: boolean;
  children: React.ReactNode;
}) {
  const t = useTranslations("Campaigns.list");
  const url = useTableUrlState(campaignTableParsers);
  return (
    <div className="space-y-3" aria-busy={url.pending}>
      <div className="w-full sm:w-64">
        <NativeSelect
          aria-label={t("kindLabel")}
          value={url.state.kind}
          onChange={(e) => url.setFilters({ kind: e.currentTarget.value as CampaignListKind })}
          data-testid="campaign-kind"
        >
          {CAMPAIGN_LIST_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {children}
      {paging ? (
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
      ) : null}
    </div>
  );
}
