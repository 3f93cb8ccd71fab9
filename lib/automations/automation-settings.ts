import "server-only";
import { asc, eq } from "drizzle-orm";
import { type Automation, type AutomationKind, automations } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** An automation as it stands before anyone saved it (the migration writes these rows; this covers their absence). */
export function defaultAutomation(kind: AutomationKind): Automation {
  return {
    kind,
    enabled: false,
    message: {},
    offer: {},
    daysBefore: 3,
    sendAt: "10:00",
    lapseDays: 60,
    minVisits: 2,
    hoursAfter: 3,
    holdoutPercent: 0,
    offerValidDays: 14,
    lastRunAt: null,
    updatedBy: null,
    updatedAt: new Date(0),
  };
}

/** Every automation, in the order of AUTOMATION_KINDS where saved. */
export async function listAutomations(db: Database): Promise<Automation[]> {
  return db.select().from(automations).orderBy(asc(automations.kind));
}

/** One automation's settings (the defaults if its row is missing). */
export async function getAutomation(db: Database, kind: AutomationKind): Promise<Automation> {
  const [row] = await db.select().from(automations).where(eq(automations.kind, kind)).limit(1);
  return row ?? defaultAutomation(kind);
}
