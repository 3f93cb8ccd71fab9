import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Database } from "@/lib/db";
import { testClockOffsetMs, testClockOn } from "@/lib/time/test-clock";

/**
 * A loud strip on every dashboard page while the test clock is on (TEST_CLOCK, the e2e harness only): whoever
 * sees it knows the app's times are not the real ones. Nothing when it is off, as in production.
 */
export async function TestClockBanner({ db }: { db: Database }) {
  if (!testClockOn()) return null;
  const offsetMs = await testClockOffsetMs(db);
  const t = await getTranslations("Shell.testClock");
  const format = await getFormatter();
  return (
    // A note, not a live region (role "status" is for what changes while one reads): it is there from the start.
    <div
      role="note"
      data-testid="test-clock-banner"
      className="bg-amber-300 px-4 py-2 text-sm font-semibold text-black"
    >
      {t("on", {
        now: format.dateTime(new Date(Date.now() + offsetMs), "momentYear"),
        hours: Math.round(offsetMs / 3600_000),
      })}
    </div>
  );
}
