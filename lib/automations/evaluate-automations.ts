import "server-only";
import { eq } from "drizzle-orm";
import { type AutomationKind, automations } from "@/drizzle/schema";
import { enqueueCreated } from "@/lib/campaigns/compose/prepare-send";
import type { Database } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { testClockOffsetMs } from "@/lib/time/test-clock";
import { type EvaluationOutcome, evaluateAutomation } from "./evaluate-automation";

/**
 * The evaluation job: every automation that is on, each in its own transaction, at the app's clock (the test
 * clock's when it is on). Campaigns are queued for dispatch after their transaction commits; one whose job is
 * lost is found by the minute's sweep. Safe to run in several instances at once and to retry.
 */
export async function evaluateAutomations(
  db: Database,
  options: { kinds?: readonly AutomationKind[]; scope?: readonly string[]; now?: Date } = {},
): Promise<EvaluationOutcome[]> {
  const offsetMs = await testClockOffsetMs(db);
  const now = options.now ?? new Date(Date.now() + offsetMs);
  const restaurant = await getRestaurantSettings(db);
  const enabled = await db.select().from(automations).where(eq(automations.enabled, true));
  const outcomes: EvaluationOutcome[] = [];
  for (const automation of enabled) {
    if (options.kinds && !options.kinds.includes(automation.kind)) continue;
    const outcome = await db.transaction((tx) =>
      evaluateAutomation(tx as unknown as Database, automation, restaurant, now, { offsetMs, scope: options.scope }),
    );
    await enqueueCreated(outcome.campaigns);
    outcomes.push(outcome);
  }
  return outcomes;
}
