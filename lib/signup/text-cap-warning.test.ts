import { describe, expect, it } from "vitest";
import { signupTextBudget } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { getSignupSettings } from "./signup-settings";
import { textCapWarning } from "./text-cap-warning";

// Hours in 2033, which no other test's budget rows reach.
const NOW = new Date("2033-05-10T12:30:00Z");
const at = (iso: string) => new Date(iso);

const budget = (hour: string, scope: string, sent: number, refused: number) =>
  getDb()
    .insert(signupTextBudget)
    .values({ hour: at(hour), scope, sent, refused });

describe("the hourly text cap's warning", () => {
  it("says per cap how many sign-ups got no text in the last 24 hours, and over which hours", async () => {
    await budget("2033-05-10T12:00:00Z", "all", 60, 2); // this hour, still running
    await budget("2033-05-09T12:00:00Z", "all", 60, 5); // ended 12:30 inside the window
    await budget("2033-05-09T11:00:00Z", "all", 60, 100); // ended before the window
    await budget("2033-05-10T03:00:00Z", "+92", 30, 30);
    await budget("2033-05-10T05:00:00Z", "+45", 30, 0); // at the cap, nobody refused
    await budget("2033-05-10T13:00:00Z", "all", 1, 1); // after now

    const warning = await textCapWarning(getDb(), NOW);
    const { hourlyCap, hourlyCapPerCountry } = await getSignupSettings(getDb());
    expect(warning).toEqual({
      refusals: [
        { scope: "all", refused: 7, from: at("2033-05-09T12:00:00Z"), until: NOW },
        { scope: "+92", refused: 30, from: at("2033-05-10T03:00:00Z"), until: at("2033-05-10T04:00:00Z") },
      ],
      hourlyCap,
      hourlyCapPerCountry,
    });
  });

  it("is quiet when the cap turned nobody away", async () => {
    await budget("2033-08-01T10:00:00Z", "all", 60, 0);
    expect(await textCapWarning(getDb(), at("2033-08-01T10:30:00Z"))).toBeNull();
  });
});
