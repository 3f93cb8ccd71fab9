import { needsUnicode } from "../encoding";
import { toProviderMsisdn } from "../msisdn";
import type { SmsappCall, SmsappHttp } from "./http";
import { SMSAPP_BULK_LIMIT } from "./info";
import { formatScheduleTime } from "./schedule-time";
import { bulkDataSchema, paginatorSchema, type SmsappMessage, smsSchema } from "./schemas";

export { SMSAPP_BULK_LIMIT };

export interface SmsappSendRequest {
  recipient: string;
  senderId: string;
  message: string;
  /** "auto" (default) = "unicode" when the text needs UCS-2, else "plain" (3.1 does not switch by itself). */
  type?: "plain" | "unicode" | "auto";
  /** Sent as `schedule_time` in the account's timezone, minute precision. */
  scheduleAt?: Date;
}

export interface SmsappSendResult {
  /** The provider's confirmation text. */
  message: string | null;
  /** The created SMS for an immediate single send; null for scheduled (campaign) sends, which return no uid. */
  sms: SmsappMessage | null;
}

export interface SmsappBulkItem {
  contact: string;
  message: string;
  type?: "text" | "image";
}

export interface SmsappBulkResult {
  message: string | null;
  /** SMS objects when the provider returns them (undocumented), else null. */
  sms: SmsappMessage[] | null;
}

export interface SmsappPage<T> {
  items: T[];
  page: number;
  lastPage: number;
  perPage: number;
  total: number;
  hasNextPage: boolean;
  /** 1-based positions of the first and last item on this page, as reported (null on an empty page). */
  from: number | null;
  to: number | null;
  /** The paginator's own links ("« Previous", 1, 2, "...", "Next »"); page null = not a link. */
  links: { label: string; page: number | null; active: boolean }[];
}

export interface SmsappMessagesApi {
  /** POST /sms/send. A send: never retried once it may have reached smsapp.pk. */
  sendSms(request: SmsappSendRequest): Promise<SmsappSendResult>;
  /** POST /sms/send-bulk-messages with at most 50 items (checked before sending); uses the account's default sender. */
  sendBulk(items: readonly SmsappBulkItem[]): Promise<SmsappBulkResult>;
  /** GET /sms/{uid}. */
  getMessage(uid: string): Promise<SmsappMessage>;
  /** GET /sms?page=N (25 per page). */
  listMessages(page?: number): Promise<SmsappPage<SmsappMessage>>;
  /** Walks every page of GET /sms. */
  iterateMessages(): AsyncGenerator<SmsappMessage>;
}

/** SMS endpoints: send, bulk, lookup and paging. */
export function createSmsappMessagesApi(http: SmsappHttp, options: { timeZone: string }): SmsappMessagesApi {
  const api: SmsappMessagesApi = {
    async sendSms(request) {
      const call: SmsappCall = { operation: "sms/send", method: "POST", path: "/sms/send", kind: "send" };
      if (request.message.length === 0) throw http.error(call, "validation", "The message text is empty.");
      const type =
        (request.type ?? "auto") === "auto" ? (needsUnicode(request.message) ? "unicode" : "plain") : request.type;
      const body = {
        recipient: toProviderMsisdn(request.recipient),
        sender_id: request.senderId,
        type,
        message: request.message,
        ...(request.scheduleAt ? { schedule_time: formatScheduleTime(request.scheduleAt, options.timeZone) } : {}),
      };
      const response = await http.call({ ...call, body });
      const sms = response.data === null || request.scheduleAt ? null : http.parse(smsSchema, response, call);
      return { message: response.message, sms };
    },

    async sendBulk(items) {
      const call: SmsappCall = {
        operation: "sms/send-bulk-messages",
        method: "POST",
        path: "/sms/send-bulk-messages",
        kind: "send",
      };
      if (items.length === 0) throw http.error(call, "validation", "There are no messages to send.");
      if (items.length > SMSAPP_BULK_LIMIT) {
        throw http.error(
          call,
          "validation",
          `smsapp.pk takes at most ${SMSAPP_BULK_LIMIT} messages per bulk call (got ${items.length}).`,
        );
      }
      // The API documents `contact` as a number; Pakistani MSISDNs fit safely in a double.
      const body = items.map((item) => ({
        contact: toContactNumber(toProviderMsisdn(item.contact)),
        message: item.message,
        type: item.type ?? "text",
      }));
      const response = await http.call({ ...call, body });
      return { message: response.message, sms: http.parse(bulkDataSchema, response, call) };
    },

    async getMessage(uid) {
      const call: SmsappCall = {
        operation: "sms/get",
        method: "GET",
        path: `/sms/${encodeURIComponent(uid)}`,
        kind: "read",
      };
      return http.parse(smsSchema, await http.call(call), call);
    },

    async listMessages(page = 1) {
      const call: SmsappCall = { operation: "sms/list", method: "GET", path: "/sms", query: { page }, kind: "read" };
      return toPage(http.parse(paginatorSchema(smsSchema), await http.call(call), call));
    },

    async *iterateMessages() {
      for (let page = 1; ; page++) {
        const result = await api.listMessages(page);
        yield* result.items;
        if (!result.hasNextPage || result.items.length === 0) return;
      }
    },
  };
  return api;
}

/** Converts a parsed Laravel paginator into our page shape. */
export function toPage<T>(p: {
  data: T[];
  current_page: number;
  last_page: number;
  per_page: number;
  total: number;
  from?: number | null;
  to?: number | null;
  links?: { url: string | null; label: string; active?: boolean }[];
}): SmsappPage<T> {
  const pageOf = (url: string | null) => {
    const m = url ? /[?&]page=(\d+)/.exec(url) : null;
    return m ? Number(m[1]) : null;
  };
  return {
    from: p.from ?? null,
    to: p.to ?? null,
    links: (p.links ?? []).map((l) => ({
      label: decodeEntities(l.label),
      page: pageOf(l.url),
      active: Boolean(l.active),
    })),
    items: p.data,
    page: p.current_page,
    lastPage: p.last_page,
    perPage: p.per_page,
    total: p.total,
    hasNextPage: p.current_page < p.last_page,
  };
}

function toContactNumber(msisdn: string): number | string {
  return /^\d{1,15}$/.test(msisdn) ? Number(msisdn) : msisdn;
}

/** Laravel's link labels carry HTML entities ("&laquo; Previous"). */
function decodeEntities(label: string): string {
  return label
    .replace(/&laquo;/g, "«")
    .replace(/&raquo;/g, "»")
    .replace(/&amp;/g, "&");
}
