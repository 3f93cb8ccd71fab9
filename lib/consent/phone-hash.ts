import { createHash } from "node:crypto";

/**
 * The suppression key for an E.164 number: SHA-256 hex. Postgres computes the same value with
 * `encode(sha256(convert_to(phone, 'UTF8')), 'hex')` (see phoneHashSql), so audiences filter in one query.
 */
export function hashPhone(e164: string): string {
  return createHash("sha256").update(e164, "utf8").digest("hex");
}
