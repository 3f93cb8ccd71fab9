import { needsUnicode } from "../encoding";
import { toProviderMsisdn } from "../msisdn";
import type { CpsmsCall, CpsmsHttp } from "./http";
import { type SendResponse, sendResponseSchema } from "./schemas";

/** CPSMS refuses longer texts (10 concatenated parts). */
export const CPSMS_MAX_MESSAGE_LENGTH = 1530;
/** `reference` is documented as ≤32 characters; we also keep it URL-safe because /deletesms puts it in the path. */
export const CPSMS_REFERENCE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_ALPHANUMERIC_SENDER = 11;
/** The 2016 doc says 20 digits, newer text 15; 15 is safe for both. */
const MAX_NUMERIC_SENDER = 15;

export interface CpsmsSendOptions {
  message: string;
  from?: string;
  /** Provider-side scheduling: a Date or unix seconds. */
  sendAt?: Date | number;
  /** The body is written in this charset too. Default UTF-8, which CPSMS recommends. */
  encoding?: "UTF-8" | "ISO-8859-1";
  /** Passed through untouched; CPSMS appends `?status=&receiver=` (or `&...`) when reporting. */
  dlrUrl?: string;
  flash?: boolean;
  /** Our own id; needed to cancel a scheduled send. */
  reference?: string;
  /** "auto" (default) picks UNICODE only when the text needs it; otherwise CPSMS silently drops such characters. */
  format?: "GSM" | "UNICODE" | "auto";
}

export interface CpsmsSendRequest extends CpsmsSendOptions {
  to: string | readonly string[];
}

export interface CpsmsSendGroupRequest extends CpsmsSendOptions {
  groupId: number;
}

export interface CpsmsSendResult {
  httpStatus: number;
  accepted: Array<{ to: string; cost: number | null; segments: number | null }>;
  rejected: Array<{ to: string; code: string | null; message: string }>;
}

export interface CpsmsSendApi {
  /** POST /send. 200 = all accepted, 207 = some refused, 400 with per-recipient errors = all refused (returned, not thrown). */
  sendSms(request: CpsmsSendRequest): Promise<CpsmsSendResult>;
  /** POST /sendgroup to every contact in a group. */
  sendGroup(request: CpsmsSendGroupRequest): Promise<CpsmsSendResult>;
  /** GET /simplesend/{to}/{message}/{from}. */
  simpleSend(request: { to: string | readonly string[]; message: string; from?: string }): Promise<CpsmsSendResult>;
}

/** Send endpoints. All are "send" calls: never retried once the request may have reached CPSMS. */
export function createCpsmsSendApi(http: CpsmsHttp): CpsmsSendApi {
  async function post(path: "/send" | "/sendgroup", target: Record<string, unknown>, options: CpsmsSendOptions) {
    const latin1Body = options.encoding === "ISO-8859-1";
    const call: CpsmsCall = {
      operation: path.slice(1),
      method: "POST",
      path,
      kind: "send",
      passThrough: isRecipientFailure,
      latin1Body,
    };
    validate(http, call, options);
    const response = await http.call({ ...call, body: { ...target, ...sendFields(options) } });
    return toResult(response.status, http.parse(sendResponseSchema, response, call));
  }

  return {
    sendSms: (request) => post("/send", { to: recipients(request.to) }, request),
    sendGroup: (request) => post("/sendgroup", { to_group: request.groupId }, request),
    async simpleSend(request) {
      const to = recipients(request.to);
      const segments = [Array.isArray(to) ? to.join(",") : to, request.message, request.from]
        .filter((s): s is string => s !== undefined)
        .map(encodeURIComponent);
      const call: CpsmsCall = {
        operation: "simplesend",
        method: "GET",
        path: `/simplesend/${segments.join("/")}`,
        kind: "send",
        passThrough: isRecipientFailure,
      };
      validate(http, call, { message: request.message, from: request.from });
      const response = await http.call(call);
      return toResult(response.status, http.parse(sendResponseSchema, response, call));
    },
  };
}

function recipients(to: string | readonly string[]): string | string[] {
  return typeof to === "string" ? toProviderMsisdn(to) : to.map(toProviderMsisdn);
}

function sendFields(options: CpsmsSendOptions): Record<string, unknown> {
  const format = options.format ?? "auto";
  const resolvedFormat = format === "auto" ? (needsUnicode(options.message) ? "UNICODE" : undefined) : format;
  const timestamp =
    options.sendAt === undefined
      ? undefined
      : typeof options.sendAt === "number"
        ? Math.floor(options.sendAt)
        : Math.floor(options.sendAt.getTime() / 1000);
  const fields: Record<string, unknown> = {
    message: options.message,
    from: options.from,
    timestamp,
    encoding: options.encoding,
    dlr_url: options.dlrUrl,
    flash: options.flash ? 1 : undefined,
    reference: options.reference,
    format: resolvedFormat,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Checks CPSMS's documented limits before spending a request (and money) on something it will refuse. */
function validate(http: CpsmsHttp, call: CpsmsCall, options: CpsmsSendOptions): void {
  const length = [...options.message].length;
  if (length === 0) throw http.error(call, "validation", "The message text is empty.");
  if (length > CPSMS_MAX_MESSAGE_LENGTH) {
    throw http.error(
      call,
      "validation",
      `The message is ${length} characters; CPSMS allows ${CPSMS_MAX_MESSAGE_LENGTH}.`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Latin-1 includes its control range; only what lies beyond is refused
  if (options.encoding === "ISO-8859-1" && !/^[\u0000-\u00ff]*$/.test(`${options.message}${options.from ?? ""}`)) {
    throw http.error(
      call,
      "validation",
      "The text has characters ISO-8859-1 cannot carry; leave the encoding at UTF-8.",
    );
  }
  if (options.reference !== undefined && !CPSMS_REFERENCE_PATTERN.test(options.reference)) {
    throw http.error(call, "validation", "The reference must be 1-32 characters of A-Z, a-z, 0-9, _ or -.");
  }
  if (options.from !== undefined) {
    const numeric = /^\d+$/.test(options.from);
    const max = numeric ? MAX_NUMERIC_SENDER : MAX_ALPHANUMERIC_SENDER;
    if (options.from.length === 0 || options.from.length > max) {
      throw http.error(
        call,
        "validation",
        `The sender must be 1-${MAX_ALPHANUMERIC_SENDER} letters or up to ${MAX_NUMERIC_SENDER} digits.`,
      );
    }
  }
}

/** A 400 whose body lists refused recipients is a normal "all refused" send result, not a request error. */
function isRecipientFailure(status: number, body: unknown): boolean {
  if (status !== 400 || typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  const first: unknown = Array.isArray(error) ? error[0] : error;
  return typeof first === "object" && first !== null && "to" in first;
}

function toResult(httpStatus: number, body: SendResponse): CpsmsSendResult {
  return {
    httpStatus,
    accepted: (body.success ?? []).map((entry) => ({
      to: entry.to,
      cost: finiteOrNull(entry.cost ?? entry.price),
      segments: finiteOrNull(entry.smsAmount),
    })),
    rejected: (body.error ?? []).map((entry) => ({
      to: entry.to,
      code:
        entry.errorCode !== undefined ? String(entry.errorCode) : entry.code !== undefined ? String(entry.code) : null,
      message: entry.errMsg ?? entry.message ?? "Recipient refused",
    })),
  };
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
