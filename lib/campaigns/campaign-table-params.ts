import { createLoader, type inferParserType, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { cursorParsers } from "@/lib/paging/url-parsers";
import { CAMPAIGN_LIST_KINDS } from "./campaign-origin";
import { DELIVERY_STATES } from "./delivery-status";

// Pure (no database): the campaigns pages and their tables' URL hooks read the URL the same way.

export const CAMPAIGN_PAGE_SIZES = [25, 50, 100] as const;

/**
 * The campaigns list's URL state: which campaigns (the staff's, or the sign-up page's texts with `?kind=signup`),
 * page size and keyset position.
 */
export const campaignTableParsers = {
  kind: parseAsStringLiteral(CAMPAIGN_LIST_KINDS).withDefault("staff"),
  size: parseAsNumberLiteral(CAMPAIGN_PAGE_SIZES).withDefault(50),
  ...cursorParsers,
};

export const loadCampaignTableParams = createLoader(campaignTableParsers);
export type CampaignTableParams = inferParserType<typeof campaignTableParsers>;

/** A campaign's recipients table: one delivery state or all, and the keyset position. */
export const recipientTableParsers = {
  state: parseAsStringLiteral(DELIVERY_STATES),
  ...cursorParsers,
};

export const loadRecipientTableParams = createLoader(recipientTableParsers);
