import "server-only";
import { eq } from "drizzle-orm";
import { type RecurringSend, recurringSends } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import type { ComposeInput, ScheduleInput } from "@/lib/validation/compose";
import { prepareSend } from "../compose/prepare-send";
import type { ResolvedAudience } from "../compose/resolve-recipients";
import { nextRun } from "./next-occurrence";

type Actor = { id: string; role: "owner" | "manager" | "staff" };
type Weekly = Extract<ScheduleInput, { mode: "weekly" }>;

/**
 * Sets up a repeating send after checking it as if its first run were now due (quiet hours at that time, the
 * audience, message and sender), so problems show when it is created, not silently on a Friday afternoon.
 */
export async function createRecurringSend(
  db: Database,
  actor: Actor,
  input: ComposeInput,
  schedule: Weekly,
): Promise<{ recurring: RecurringSend; skipped: ResolvedAudience["skipped"] }> {
  const { first, audience } = await checkRecurringSend(db, actor, input, schedule);
  const [recurring] = await db
    .insert(recurringSends)
    .values({
      name: input.name,
      content: {
        category: input.category,
        groupIds: input.groupIds,
        contactIds: input.contactIds,
        numbers: input.numbers,
        message: input.message,
        optOutFooter: input.optOutFooter,
        footerLanguage: input.footerLanguage,
        translations: input.translations ?? [],
        provider: input.provider,
        sender: input.sender,
        trackLinks: input.trackLinks ?? false,
        expireAfterMinutes: schedule.expireAfterMinutes,
      },
      weekdays: [...new Set(schedule.weekdays)].sort(),
      localTime: schedule.time,
      skipDates: [...new Set(schedule.skipDates)].sort(),
      nextRunAt: first,
      createdById: actor.id,
    })
    .returning();
  if (!recurring) throw new Error("recurring send insert returned nothing");
  await recordAudit(db, {
    actorId: actor.id,
    action: "recurring.created",
    targetType: "recurring_send",
    targetId: recurring.id,
    details: { weekdays: recurring.weekdays, time: recurring.localTime },
  });
  return { recurring, skipped: audience.skipped };
}

/** Everything createRecurringSend checks, without writing: compose runs it before its confirm dialog. */
export async function checkRecurringSend(db: Database, actor: Actor, input: ComposeInput, schedule: Weekly) {
  if (!hasRole(actor.role, "manager")) throw new AppError("FORBIDDEN", "Campaigns.errors.repeatingForbidden");
  const settings = await getRestaurantSettings(db);
  const rule = { weekdays: schedule.weekdays, localTime: schedule.time, skipDates: schedule.skipDates };
  const first = nextRun(rule, new Date(), settings.timeZone);
  if (!first) throw new AppError("INVALID_INPUT", "Campaigns.errors.allSkipped");
  const { audience } = await prepareSend(db, input, {
    at: first,
    checkBalance: false,
    checkQuietHours: true,
    settings,
  });
  return { first, audience };
}

async function load(db: Database, id: string): Promise<RecurringSend> {
  const [row] = await db.select().from(recurringSends).where(eq(recurringSends.id, id));
  if (!row) throw new AppError("NOT_FOUND", "Campaigns.errors.repeatingNotFound");
  return row;
}

/** Stops or restarts a repeating send; restarting picks the next occurrence from now (missed ones are not sent). */
export async function setRecurringActive(db: Database, actor: { id: string }, id: string, active: boolean) {
  const row = await load(db, id);
  const { timeZone } = await getRestaurantSettings(db);
  const nextRunAt = active ? nextRun(row, new Date(), timeZone) : row.nextRunAt;
  await db.update(recurringSends).set({ active, nextRunAt }).where(eq(recurringSends.id, id));
  await recordAudit(db, {
    actorId: actor.id,
    action: active ? "recurring.resumed" : "recurring.paused",
    targetType: "recurring_send",
    targetId: id,
  });
}

/** Replaces the dates to skip (e.g. adds Christmas Eve) and moves the next run accordingly. */
export async function updateSkipDates(db: Database, actor: { id: string }, id: string, skipDates: string[]) {
  const row = await load(db, id);
  const { timeZone } = await getRestaurantSettings(db);
  const dates = [...new Set(skipDates)].sort();
  const nextRunAt = nextRun({ ...row, skipDates: dates }, new Date(), timeZone);
  await db.update(recurringSends).set({ skipDates: dates, nextRunAt }).where(eq(recurringSends.id, id));
  await recordAudit(db, {
    actorId: actor.id,
    action: "recurring.skip_dates",
    targetType: "recurring_send",
    targetId: id,
    details: { skipDates: dates },
  });
}

/** Deletes a repeating send; campaigns it already created stay in the history. */
export async function deleteRecurringSend(db: Database, actor: { id: string }, id: string) {
  await load(db, id);
  await db.delete(recurringSends).where(eq(recurringSends.id, id));
  await recordAudit(db, { actorId: actor.id, action: "recurring.deleted", targetType: "recurring_send", targetId: id });
}
