import "server-only";
import { eq } from "drizzle-orm";
import { testClock } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";

/** True when this process may move its clock (TEST_CLOCK, set only by the e2e harness; never with https). */
export function testClockOn(): boolean {
  return env().TEST_CLOCK;
}

/**
 * How far the app's clock is moved, in ms (0 unless TEST_CLOCK is set). Stored in the database, so the web and
 * worker processes, and every instance, agree on it.
 */
export async function testClockOffsetMs(db: Database): Promise<number> {
  if (!testClockOn()) return 0;
  const [row] = await db.select({ offsetMs: testClock.offsetMs }).from(testClock).where(eq(testClock.id, 1));
  return row?.offsetMs ?? 0;
}

/** The app's "now": the real time, moved by the test clock's offset when (and only when) TEST_CLOCK is set. */
export async function appNow(db: Database): Promise<Date> {
  return new Date(Date.now() + (await testClockOffsetMs(db)));
}

/** Moves the test clock (e2e harness and tests only); refuses when TEST_CLOCK is not set. */
export async function setTestClockOffset(db: Database, offsetMs: number): Promise<void> {
  if (!testClockOn()) throw new Error("The test clock is off (TEST_CLOCK is not set)");
  await db
    .insert(testClock)
    .values({ id: 1, offsetMs })
    .onConflictDoUpdate({ target: testClock.id, set: { offsetMs, updatedAt: new Date() } });
}
