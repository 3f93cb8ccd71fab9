import { createHash } from "node:crypto";

/**
 * The holdout bucket (0–99) of one occurrence, as holdoutSql computes it in Postgres: the first 60 bits of
 * md5("kind:guest:key") modulo 100. Used by tests (and anyone checking a guest's group by hand).
 */
export function holdoutBucket(kind: string, contactId: string, occurrenceKey: string): number {
  const hex = createHash("md5").update(`${kind}:${contactId}:${occurrenceKey}`).digest("hex").slice(0, 15);
  return Number(BigInt(`0x${hex}`) % 100n);
}
