import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";

export type EventSource = "dispatch" | "reconcile" | "dlr" | "poll" | "staff" | "schedule" | "consent" | "cap";
export type MessageEvent = { messageId: number; status: string; detail?: string | null };

/** Appends timeline lines for many messages in one statement. */
export async function recordEvents(
  db: Pick<Database, "execute">,
  source: EventSource,
  events: readonly MessageEvent[],
) {
  if (events.length === 0) return;
  await db.execute(sql`insert into message_events (message_id, status, source, detail)
    select e.id, e.status, ${source}, e.detail
    from unnest(${sql.param(events.map((e) => e.messageId))}::bigint[], ${sql.param(events.map((e) => e.status))}::text[],
                ${sql.param(events.map((e) => e.detail ?? null))}::text[]) as e(id, status, detail)`);
}
