import "server-only";
import { sql } from "drizzle-orm";
import { signupScans } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { scanKey } from "./scan-keys";

/**
 * Counts a view of the sign-up page as a scan of its source's QR code ("direct" for the plain /join), on the
 * restaurant's local date. One atomic upsert: views from several instances add up.
 */
export async function countScan(db: Database, sourceId: string | null, timeZone: string) {
  await db.execute(sql`
    insert into ${signupScans} (source_key, day, scans)
    values (${scanKey(sourceId)}, (now() at time zone ${timeZone})::date, 1)
    on conflict (source_key, day) do update set scans = ${signupScans}.scans + 1`);
}
