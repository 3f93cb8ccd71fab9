import "server-only";
import { auditLog } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

type AuditInput = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(db: Pick<Database, "insert">, entry: AuditInput) {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
