import type { CpsmsDlrCodeSet } from "../../lib/sms/cpsms/dlr";
import type { DeliveryOptions } from "../shared/delivery";

/**
 * Which documented wire shapes the emulator speaks:
 * - "documented" (default): 2016 doc keys — errorCode/errMsg, `Success`, bare addgroup with string groupId
 * - "modern": what current third-party clients parse — code/message (single object when one), `success`,
 *   addgroup wrapped in `success`
 * - "draft": the pre-release doc's nested `success:[[{to,price,countryCode}]]`
 */
export type CpsmsWireVariant = "documented" | "modern" | "draft";

export interface CpsmsSandboxOptions {
  /** 0 = any free port. Default 0. */
  port?: number;
  host?: string;
  username?: string;
  apiKey?: string;
  /** Starting SMS points. */
  credit?: number;
  /** Sender used when a request has no `from` (the account's "Standard afsendernavn"). */
  defaultSender?: string;
  /** Points per segment by country calling code. Default {"45": 1}. */
  pointPrices?: Record<string, number>;
  /** Points per segment for other countries. Default 1.6. */
  defaultPointPrice?: number;
  wireVariant?: CpsmsWireVariant;
  dlr?: DeliveryOptions & {
    /** Codes used in reports. Default "current" (1/2/4/8). */
    codeSet?: CpsmsDlrCodeSet;
    /** Timeout for each callback POST. Default 2000 ms. */
    timeoutMs?: number;
    /** Callback POSTs in flight at once; later reports wait their turn. Default 32. */
    concurrency?: number;
  };
  /** Base clock (ms); the sandbox adds its own advance() offset. */
  now?: () => number;
}

export const CPSMS_SANDBOX_DEFAULTS = {
  username: "sandbox",
  apiKey: "sandbox-cpsms-api-key",
  credit: 1000,
  defaultSender: "CafeRevenue",
} as const;

export type ResolvedCpsmsOptions = Required<Omit<CpsmsSandboxOptions, "now" | "dlr">> & {
  dlr: NonNullable<CpsmsSandboxOptions["dlr"]>;
  codeSet: CpsmsDlrCodeSet;
  dlrTimeoutMs: number;
  dlrConcurrency: number;
};

/** Fills in defaults. */
export function resolveCpsmsOptions(options: CpsmsSandboxOptions): ResolvedCpsmsOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    username: options.username ?? CPSMS_SANDBOX_DEFAULTS.username,
    apiKey: options.apiKey ?? CPSMS_SANDBOX_DEFAULTS.apiKey,
    credit: options.credit ?? CPSMS_SANDBOX_DEFAULTS.credit,
    defaultSender: options.defaultSender ?? CPSMS_SANDBOX_DEFAULTS.defaultSender,
    pointPrices: options.pointPrices ?? { "45": 1 },
    defaultPointPrice: options.defaultPointPrice ?? 1.6,
    wireVariant: options.wireVariant ?? "documented",
    dlr: options.dlr ?? {},
    codeSet: options.dlr?.codeSet ?? "current",
    dlrTimeoutMs: options.dlr?.timeoutMs ?? 2000,
    dlrConcurrency: options.dlr?.concurrency ?? 32,
  };
}
