import "server-only";
import { desc, eq } from "drizzle-orm";
import { recurringSends, users } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** Repeating sends, newest first, with who set them up. */
export async function listRecurringSends(db: Database) {
  return db
    .select({
      id: recurringSends.id,
      name: recurringSends.name,
      weekdays: recurringSends.weekdays,
      localTime: recurringSends.localTime,
      skipDates: recurringSends.skipDates,
      active: recurringSends.active,
      nextRunAt: recurringSends.nextRunAt,
      lastOutcome: recurringSends.lastOutcome,
      message: recurringSends.content,
      createdBy: users.name,
    })
    .from(recurringSends)
    .leftJoin(users, eq(users.id, recurringSends.createdById))
    .orderBy(desc(recurringSends.createdAt));
}
