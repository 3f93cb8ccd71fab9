import "server-only";
import { eq } from "drizzle-orm";
import { providerCache } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import type { GetlogCache } from "@/lib/sms/cpsms/getlog";

/**
 * CPSMS allows one /getlog call per two minutes per account, so every app instance must share one fetch:
 * the cached log lives in Postgres rather than in process memory.
 */
export function createDbGetlogCache(db: Database): GetlogCache {
  const key = (k: string) => `cpsms:getlog:${k}`;
  return {
    async get(k) {
      const [row] = await db
        .select({ value: providerCache.value })
        .from(providerCache)
        .where(eq(providerCache.key, key(k)));
      return row?.value;
    },
    async set(k, value) {
      await db
        .insert(providerCache)
        .values({ key: key(k), value })
        .onConflictDoUpdate({ target: providerCache.key, set: { value, updatedAt: new Date() } });
    },
  };
}
