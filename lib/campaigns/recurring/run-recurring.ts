import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { type Campaign, type RecurringSend, recurringSends, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { logger } from "@/lib/logger";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { isProviderError } from "@/lib/sms/errors";
import { formatInZone } from "@/lib/time/zoned";
import { enqueueCreated, prepareSend, writeCampaigns } from "../compose/prepare-send";
import { localDate, nextRun } from "./next-occurrence";

/** A run this late (an outage) is dropped unless the send says otherwise: Friday's happy hour on Saturday is worse. */
const DEFAULT_LATE_LIMIT_MINUTES = 6 * 60;

/**
 * Runs every repeating send that is due, each in its own transaction holding its row lock (SKIP LOCKED, so
 * several instances share the work and none runs the same occurrence twice). A run resolves the audience
 * afresh (consent and opt-outs as of now), writes ordinary campaigns marked with the occurrence's local date,
 * and moves the schedule to its next date whatever happened, recording the outcome in words.
 */
export async function runDueRecurringSends(db: Database): Promise<number> {
  let runs = 0;
  for (;;) {
    const created: Campaign[] = [];
    const ran = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(recurringSends)
        .where(and(eq(recurringSends.active, true), lte(recurringSends.nextRunAt, new Date())))
        .orderBy(asc(recurringSends.nextRunAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return false;
      created.push(...(await runOccurrence(tx as unknown as Database, row)));
      return true;
    });
    if (!ran) return runs;
    runs++;
    await enqueueCreated(created);
  }
}

async function runOccurrence(db: Database, row: RecurringSend): Promise<Campaign[]> {
  const settings = await getRestaurantSettings(db);
  const dueAt = row.nextRunAt ?? new Date();
  const occurrence = localDate(dueAt, settings.timeZone);
  const when = formatInZone(dueAt, settings.timeZone);
  const next = nextRun(row, dueAt, settings.timeZone);
  const lateMinutes = (Date.now() - dueAt.getTime()) / 60_000;
  const limit = row.content.expireAfterMinutes ?? DEFAULT_LATE_LIMIT_MINUTES;
  let created: Campaign[] = [];
  let outcome: string;
  let active = true;

  const [creator] = row.createdById ? await db.select().from(users).where(eq(users.id, row.createdById)) : [];
  if (!creator?.active || !hasRole(creator.role, "manager")) {
    active = false;
    outcome = `Stopped on ${when}: the manager who set it up can no longer send. Set it up again.`;
  } else if (lateMinutes > limit) {
    outcome = `Not sent on ${when}: more than ${limit} minutes late (the app was not running).`;
  } else {
    try {
      const prepared = await prepareSend(
        db,
        { ...row.content, name: row.name },
        { at: null, checkBalance: true, checkQuietHours: true, settings },
      );
      created = await writeCampaigns(db, creator, { ...row.content, name: row.name }, prepared.plans, {
        scheduledAt: null,
        expireAfterMinutes: null,
        approved: true,
        recurringSendId: row.id,
        occurrence,
      });
      const total = created.reduce((n, c) => n + c.recipientCount, 0);
      outcome = `Sent on ${when} to ${total.toLocaleString("en")} guest${total === 1 ? "" : "s"}.`;
    } catch (err) {
      if (!(err instanceof AppError) && !isProviderError(err)) throw err;
      // The outcome is stored as written (English), so an AppError's catalogue key is spelled out here.
      outcome = `Not sent on ${when}: ${err instanceof AppError ? await localizeMessage(err.message, err.values, "en") : err.userMessage}`;
      created = [];
    }
  }
  await db
    .update(recurringSends)
    .set({ nextRunAt: next, lastRunAt: new Date(), lastOutcome: outcome, active })
    .where(eq(recurringSends.id, row.id));
  await recordAudit(db, {
    actorId: null,
    action: "recurring.ran",
    targetType: "recurring_send",
    targetId: row.id,
    details: { occurrence, outcome },
  });
  logger.info({ recurringSendId: row.id, occurrence, campaigns: created.length }, "repeating send ran");
  return created;
}
