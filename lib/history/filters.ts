import { TZDate } from "@date-fns/tz";
import { type DeliveryState, isDeliveryState } from "@/lib/campaigns/delivery-status";
import { cleanText } from "@/lib/paging/url-parsers";
import { isProviderName, type ProviderName } from "@/lib/sms/providers";

// Pure (no database): the page, the export route and the filter bar all read the same URL the same way.

export type HistoryFilters = {
  provider?: ProviderName;
  state?: DeliveryState;
  campaignId?: string;
  /** A sender name, or DEFAULT_SENDER for "the provider's default sender". */
  sender?: string;
  /** yyyy-mm-dd, a day in the restaurant's time zone (inclusive). */
  from?: string;
  to?: string;
  /** A phone number (or part of one) or a guest's name. */
  q?: string;
};

export const DEFAULT_SENDER = "(default)";
export const FILTER_KEYS = ["provider", "state", "campaign", "sender", "from", "to", "q"] as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === null || s.trim() === "" ? undefined : s.trim();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day between 1900 and 2200 (9999-99-99 or 2024-02-30 would reach Postgres as garbage). */
function isDay(s: string | undefined): s is string {
  if (!s || !DAY.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads filters from the URL; anything malformed is ignored rather than failing the page. */
export function parseHistoryFilters(params: Params): HistoryFilters {
  const provider = get(params, "provider");
  const state = get(params, "state");
  const campaign = get(params, "campaign");
  const from = get(params, "from");
  const to = get(params, "to");
  // The same cleaning as the filter bar's URL parsers (control characters out, bounded).
  const q = cleanText(get(params, "q") ?? "", 100);
  const sender = cleanText(get(params, "sender") ?? "", 40);
  return {
    ...(isProviderName(provider) ? { provider } : {}),
    ...(isDeliveryState(state) ? { state } : {}),
    ...(campaign && UUID.test(campaign) ? { campaignId: campaign.toLowerCase() } : {}),
    ...(sender ? { sender } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
    ...(q ? { q } : {}),
  };
}

/** The URL query for filters (and an optional cursor), keys in a stable order. */
export function historyQuery(filters: HistoryFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filters.provider) params.set("provider", filters.provider);
  if (filters.state) params.set("state", filters.state);
  if (filters.campaignId) params.set("campaign", filters.campaignId);
  if (filters.sender) params.set("sender", filters.sender);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.q) params.set("q", filters.q);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The date range as instants: from the start of `from` to the end of `to`, in the restaurant's zone. */
export function dateRange(
  filters: Pick<HistoryFilters, "from" | "to">,
  timeZone: string,
): { since?: Date; until?: Date } {
  const startOf = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return new Date(new TZDate(y, m - 1, d + plusDays, 0, 0, 0, 0, timeZone).getTime());
  };
  return {
    ...(filters.from ? { since: startOf(filters.from) } : {}),
    ...(filters.to ? { until: startOf(filters.to, 1) } : {}),
  };
}

export type SearchTerm = { kind: "phone"; digits: string } | { kind: "name"; text: string } | { kind: "none" };

/**
 * A search is a phone number when it has no letters: its digits, without leading zeros (a local "0300..." or
 * an international "0045..." still finds "+92300..." / "+45..."). At least 3 digits, or it matches too much.
 */
export function searchTerm(q: string | undefined): SearchTerm {
  if (!q) return { kind: "none" };
  if (/\p{L}/u.test(q)) return { kind: "name", text: q.trim().replace(/\s+/g, " ") };
  const digits = q.replace(/\D/g, "").replace(/^0+/, "");
  return digits.length >= 3 ? { kind: "phone", digits } : { kind: "none" };
}
