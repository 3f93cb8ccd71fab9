import "server-only";
import { sql } from "drizzle-orm";
import { visits } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

export type VisitSummary = { count: number; lastAt: Date | null };

/** How many visits a guest made and when the last one was (index visits_contact_time_idx). */
export async function visitSummary(db: Database, contactId: string): Promise<VisitSummary> {
  const { rows } = await db.execute<{ count: number; last_at: string | null }>(
    sql`select count(*)::int as count, max(${visits.visitedAt}) as last_at from ${visits} where ${visits.contactId} = ${contactId}`,
  );
  const row = rows[0]!;
  return { count: row.count, lastAt: row.last_at ? new Date(row.last_at) : null };
}
