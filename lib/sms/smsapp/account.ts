import type { Balance } from "../types";
import type { SmsappCall, SmsappHttp } from "./http";
import { balanceSchema, profileSchema, type SmsappProfile } from "./schemas";

export interface SmsappBalance extends Balance {
  /** Formatted by the provider in the account's timezone, e.g. "31st Dec 25, 11:59 PM". */
  expiresOn: string | null;
}

export interface SmsappAccountApi {
  /** GET /balance; "2,350" → 2350, "Unlimited" → unlimited. */
  getBalance(): Promise<SmsappBalance>;
  /** GET /me, without the `api_token` the provider includes. */
  getProfile(): Promise<SmsappProfile>;
}

/** /balance and /me. */
export function createSmsappAccountApi(http: SmsappHttp): SmsappAccountApi {
  return {
    async getBalance() {
      const call: SmsappCall = { operation: "balance", method: "GET", path: "/balance", kind: "read" };
      const data = http.parse(balanceSchema, await http.call(call), call);
      const amount = parseSmsappUnits(data.remaining_unit);
      if (amount === undefined) {
        throw http.error(call, "bad_response", "smsapp.pk reported a balance we could not read");
      }
      return {
        amount,
        unlimited: amount === null,
        unit: "units",
        raw: data.remaining_unit,
        expiresOn: data.expired_on,
      };
    },
    async getProfile() {
      const call: SmsappCall = { operation: "me", method: "GET", path: "/me", kind: "read" };
      return http.parse(profileSchema, await http.call(call), call);
    },
  };
}

/** "2,350" → 2350, "1,234.50" → 1234.5, "Unlimited" → null, anything else → undefined. */
export function parseSmsappUnits(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (/^unlimited$/i.test(trimmed)) return null;
  if (!/^-?[\d,]+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/,/g, ""));
}
