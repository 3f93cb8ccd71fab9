"use client";

import { useTranslations } from "next-intl";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { NativeSelect } from "@/components/ui/native-select";
import { recipientTableParsers } from "@/lib/campaigns/campaign-table-params";
import { DELIVERY_STATES, type DeliveryState } from "@/lib/campaigns/delivery-status";

/**
 * What is interactive around a campaign's recipients (the table renders on the server, `children`): the status
 * filter and the pages, through the URL, with the table marked busy while a new page loads.
 */
export function RecipientsFrame(props: {
  total: number;
  listedWith: string;
  nextCursor: string | null;
  prevCursor: string | null;
  children: React.ReactNode;
}) {
  const t = useTranslations("Campaigns.recipients");
  const tCommon = useTranslations("Common");
  const url = useTableUrlState(recipientTableParsers);
  return (
    <div className="space-y-3" aria-busy={url.pending}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="w-48">
          <NativeSelect
            aria-label={t("filterLabel")}
            value={url.state.state ?? "all"}
            onChange={(e) => {
              const v = e.currentTarget.value;
              url.setFilters({ state: v === "all" ? null : (v as DeliveryState) });
            }}
          >
            <option value="all">{t("allStatuses")}</option>
            {DELIVERY_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`deliveryStates.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {props.children}
      <DataTablePagination
        listedWith={props.listedWith}
        nextCursor={props.nextCursor}
        prevCursor={props.prevCursor}
        total={{ count: props.total, one: t("recipientOne"), many: t("recipientMany") }}
        labels={{ prev: tCommon("previous"), next: tCommon("next") }}
      />
    </div>
  );
}
