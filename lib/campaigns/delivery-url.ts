import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { ProviderMode } from "@/lib/providers/resolve-provider";

export const DLR_PATH = "/api/webhooks/cpsms";

function token(reference: string): string {
  const key = env().ENCRYPTION_KEY ?? env().AUTH_SECRET;
  if (!key) throw new Error("ENCRYPTION_KEY is not set");
  return createHmac("sha256", key).update(`dlr:${reference}`).digest("base64url").slice(0, 32);
}

/**
 * The address CPSMS posts delivery reports to: our reference plus an unguessable token, so nobody but the
 * provider (who got the URL from us) can mark messages delivered. The sandbox reaches us on loopback; the
 * live CPSMS needs PUBLIC_URL, and without it we rely on polling its log instead.
 */
export function deliveryReportUrl(reference: string, mode: ProviderMode): string | undefined {
  const config = env();
  const base = config.PUBLIC_URL ?? (mode === "sandbox" ? `http://127.0.0.1:${config.PORT}` : undefined);
  if (!base) return undefined;
  const url = new URL(`${base}${DLR_PATH}`);
  url.searchParams.set("ref", reference);
  url.searchParams.set("token", token(reference));
  return url.toString();
}

export function isValidDeliveryToken(reference: string, candidate: string): boolean {
  const expected = Buffer.from(token(reference));
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
