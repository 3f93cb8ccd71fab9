import type { DeliveryOptions } from "../shared/delivery";

/** The Ultimate SMS build the emulator behaves like. */
export type SmsappVersion = "3.1" | "3.7";

export interface SmsappSandboxOptions {
  /** 0 = any free port. Default 0. */
  port?: number;
  host?: string;
  apiToken?: string;
  /** Starting SMS units. */
  balance?: number;
  /** Units per segment (cost = segments × price, truncated to an integer like Ultimate SMS). Default 1. */
  unitPrice?: number;
  /** The account's default sender (used by bulk sends, which carry none). */
  defaultSenderId?: string;
  /** When set, only these sender ids are approved ("Originator ... is not authorized" otherwise). */
  approvedSenderIds?: string[] | null;
  /** Account timezone: `schedule_time` is read and `expired_on` written in it. Default Asia/Karachi. */
  timezone?: string;
  /** Plan expiry shown by /balance. Default one year after start. */
  expiresAt?: Date;
  /**
   * "3.1" (default, matches what smsapp users see): auth errors are HTTP 200 JSON, send failures 404, and a
   * recipient list with 2+ commas fails. "3.7": 401 / 403, and any list becomes a campaign.
   */
  version?: SmsappVersion;
  /** How statuses change after sending ("Delivered" → "Delivered|id" or "Undelivered|id"). */
  delivery?: DeliveryOptions;
  now?: () => number;
}

export const SMSAPP_SANDBOX_DEFAULTS = {
  apiToken: "sandbox-smsapp-token",
  balance: 1000,
  defaultSenderId: "CafeRevenue",
} as const;

export type ResolvedSmsappOptions = Required<Omit<SmsappSandboxOptions, "now" | "expiresAt" | "delivery">> & {
  expiresAt: Date | null;
  delivery: DeliveryOptions;
};

/** Fills in defaults. */
export function resolveSmsappOptions(options: SmsappSandboxOptions): ResolvedSmsappOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    apiToken: options.apiToken ?? SMSAPP_SANDBOX_DEFAULTS.apiToken,
    balance: options.balance ?? SMSAPP_SANDBOX_DEFAULTS.balance,
    unitPrice: options.unitPrice ?? 1,
    defaultSenderId: options.defaultSenderId ?? SMSAPP_SANDBOX_DEFAULTS.defaultSenderId,
    approvedSenderIds: options.approvedSenderIds ?? null,
    timezone: options.timezone ?? "Asia/Karachi",
    expiresAt: options.expiresAt ?? null,
    version: options.version ?? "3.1",
    delivery: options.delivery ?? {},
  };
}
