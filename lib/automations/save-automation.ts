import "server-only";
import { eq, sql } from "drizzle-orm";
import { type AutomationKind, automations } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SaveAutomationInput } from "@/lib/validation/automations";

/** Saves an automation's settings, with an audit entry holding the texts as saved. */
export async function saveAutomation(db: Database, values: SaveAutomationInput, actorId: string | null) {
  const { kind, ...rest } = values;
  await db.transaction(async (tx) => {
    await tx
      .insert(automations)
      .values({ kind, ...rest, updatedBy: actorId })
      .onConflictDoUpdate({ target: automations.kind, set: { ...rest, updatedBy: actorId, updatedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      action: "automation.saved",
      targetType: "automation",
      targetId: kind,
      details: values,
    });
  });
}

/**
 * The list's switch. Switching on needs a text in some language (compare-and-set in the same statement, so a
 * text cleared meanwhile is not switched on empty).
 */
export async function switchAutomation(db: Database, kind: AutomationKind, enabled: boolean, actorId: string | null) {
  const updated = await db
    .update(automations)
    .set({ enabled, updatedBy: actorId, updatedAt: new Date() })
    .where(
      enabled
        ? sql`${automations.kind} = ${kind} and exists (select 1 from jsonb_each_text(${automations.message}) t where btrim(t.value) <> '')`
        : eq(automations.kind, kind),
    )
    .returning({ kind: automations.kind });
  if (updated.length === 0) throw new AppError("INVALID_INPUT", "Automations.validation.messageEmpty");
  await recordAudit(db, {
    actorId,
    action: enabled ? "automation.switched_on" : "automation.switched_off",
    targetType: "automation",
    targetId: kind,
    details: { enabled },
  });
}
