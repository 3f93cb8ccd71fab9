import { describe, expect, it } from "vitest";
import { contacts } from "@/drizzle/schema";
import { DEFAULT_ROUTES } from "@/lib/campaigns/route-provider";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { getDb } from "@/lib/db";
import { DEFAULT_RESTAURANT_SETTINGS } from "@/lib/settings/restaurant-settings";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { queueWelcome } from "./queue-welcome";
import { DEFAULT_SIGNUP_SETTINGS } from "./signup-settings";

const restaurant = {
  ...DEFAULT_RESTAURANT_SETTINGS,
  quietHoursStart: "20:00",
  quietHoursEnd: "09:00",
  routes: DEFAULT_ROUTES,
};
const settings = { ...DEFAULT_SIGNUP_SETTINGS, welcomeEnabled: true, welcomeMessage: { da: "Velkommen {first_name}" } };

async function guest(phone: string) {
  const [row] = await getDb()
    .insert(contacts)
    .values({ phone, firstName: "Ida", optOutToken: newOptOutToken() })
    .returning();
  return row!;
}

describe("the welcome text", () => {
  it("confirmed at 23:10 in Copenhagen waits for 09:00, in the guest's zone; by day it goes at once", async () => {
    // A winter night years ahead: the test never depends on today's date (a send may not be set in the past).
    const night = new Date("2031-12-03T22:10:00Z"); // 23:10 in Copenhagen
    const dane = await guest(uniqueDkPhone());
    const held = await queueWelcome(getDb(), { guest: dane, language: "da", settings, restaurant }, night);
    expect(held?.scheduledAt?.toISOString()).toBe("2031-12-04T08:00:00.000Z");
    expect(held).toMatchObject({ origin: "welcome", category: "marketing", provider: "cpsms", optOutFooter: true });

    // A Pakistani number confirmed at 23:10 Copenhagen time (03:10 in Karachi) waits for 09:00 in Karachi.
    const pak = await guest(`+92300${String(Date.now()).slice(-7)}`);
    const karachi = await queueWelcome(getDb(), { guest: pak, language: "ur", settings, restaurant }, night);
    expect(karachi?.scheduledAt?.toISOString()).toBe("2031-12-04T04:00:00.000Z");
    expect(karachi?.provider).toBe("smsapp");

    const day = new Date("2031-12-03T11:00:00Z");
    const other = await guest(uniqueDkPhone());
    const now = await queueWelcome(getDb(), { guest: other, language: "da", settings, restaurant }, day);
    expect(now?.scheduledAt).toBeNull();
  });

  it("is written only when switched on and a text is set", async () => {
    const g = await guest(uniqueDkPhone());
    const off = { ...settings, welcomeEnabled: false };
    expect(await queueWelcome(getDb(), { guest: g, language: "da", settings: off, restaurant })).toBeNull();
    const empty = { ...settings, welcomeMessage: {} };
    expect(await queueWelcome(getDb(), { guest: g, language: "da", settings: empty, restaurant })).toBeNull();
  });
});
