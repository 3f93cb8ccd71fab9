import type pg from "pg";
import PgBoss from "pg-boss";
import { type DbTarget, withDb as withTestDb } from "./db";
import { lookupOn } from "./lookups";
import { seedOn } from "./seed";

export { sandboxControl, startSandboxProcess } from "@/sandbox/testing/sandbox-process";

/** Hands a campaign to the instance's workers, exactly as the compose action does. */
export async function enqueueDispatch(target: DbTarget, campaignId: string, startAfter?: Date) {
  const boss = new PgBoss({
    connectionString: typeof target === "function" ? target() : target,
    schema: "pgboss",
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    await boss.send("campaign_dispatch", { campaignId }, startAfter ? { startAfter } : {});
  } finally {
    await boss.stop({ graceful: false, wait: false });
  }
}

// For bench/, which reaches its instance's database the way these tests used to (specs use seed.ts and lookups.ts).

/** A raw connection to an instance's database for the length of `fn`. */
export const withDb = <T>(url: string, fn: (client: pg.Client) => Promise<T>) =>
  withTestDb(url, (db) => fn(db.$client));
/** n recipients of one promo, queued to send now (or scheduled): seed.ts's bulkCampaign. */
export const seedQueuedCampaign = (url: string, ...args: Parameters<ReturnType<typeof seedOn>["bulkCampaign"]>) =>
  seedOn(url).bulkCampaign(...args);
/** A campaign's status and its messages' counts by status: lookups.ts's campaignStatus. */
export const campaignStatus = (url: string, id: string) => lookupOn(url).campaignStatus(id);
