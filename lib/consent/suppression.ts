import "server-only";
import { inArray, type SQL, sql } from "drizzle-orm";
import { suppressions } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { hashPhone } from "./phone-hash";

type Executor = Pick<Database, "select" | "insert" | "delete" | "execute">;

/** The suppression key of an E.164 column or value, computed in SQL (same value as hashPhone). */
export function phoneHashSql(phone: SQL | unknown): SQL {
  return sql`encode(sha256(convert_to(${phone}, 'UTF8')), 'hex')`;
}

/** True when this number must never receive marketing (opted out, withdrawn, or erased). */
export async function isSuppressed(db: Executor, e164: string): Promise<boolean> {
  const rows = await db
    .select({ h: suppressions.phoneHash })
    .from(suppressions)
    .where(inArray(suppressions.phoneHash, [hashPhone(e164)]))
    .limit(1);
  return rows.length > 0;
}

/** The subset of these E.164 numbers that are suppressed. */
export async function suppressionsFor(db: Executor, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const byHash = new Map(phones.map((p) => [hashPhone(p), p]));
  const found = new Set<string>();
  const hashes = [...byHash.keys()];
  for (let i = 0; i < hashes.length; i += 10_000) {
    const rows = await db
      .select({ h: suppressions.phoneHash })
      .from(suppressions)
      .where(inArray(suppressions.phoneHash, hashes.slice(i, i + 10_000)));
    for (const r of rows) found.add(byHash.get(r.h)!);
  }
  return found;
}

/** Adds numbers to the suppression list (idempotent; the first reason is kept). */
export async function suppressPhones(db: Executor, phones: readonly string[], source: string): Promise<void> {
  if (phones.length === 0) return;
  await db.execute(sql`
    insert into ${suppressions} (phone_hash, source)
    select distinct h, ${source} from unnest(${sql.param([...phones.map(hashPhone)])}::text[]) as h
    on conflict (phone_hash) do nothing`);
}

/** Lifts the suppression of a number (only on a new, explicit grant of consent). */
export async function unsuppressPhone(db: Executor, e164: string): Promise<void> {
  await db.delete(suppressions).where(inArray(suppressions.phoneHash, [hashPhone(e164)]));
}
