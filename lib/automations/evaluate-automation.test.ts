import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { automationOccurrences, campaignMessages, contacts, suppressions } from "@/drizzle/schema";
import { hashPhone } from "@/lib/consent/phone-hash";
import { getDb } from "@/lib/db";
import { automation, evaluate, guest, restaurant, visit } from "@/tests/support/automations";

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

async function occurrences(contactIds: string[]) {
  return getDb()
    .select()
    .from(automationOccurrences)
    .where(inArray(automationOccurrences.contactId, contactIds))
    .orderBy(automationOccurrences.id);
}

async function textsTo(contactId: string) {
  return getDb().select().from(campaignMessages).where(eq(campaignMessages.contactId, contactId));
}

describe("birthday", () => {
  it("is due N days before at the local time, once per year, for guests with consent and a birthday", async () => {
    const birthday = automation("birthday", { daysBefore: 3, sendAt: "10:00" });
    const ida = await guest({ birthdayMonth: 3, birthdayDay: 15, language: "da" });
    const noConsent = await guest({ birthdayMonth: 3, birthdayDay: 15, consentState: "none" });
    const noBirthday = await guest();
    const scope = [ida.id, noConsent.id, noBirthday.id];
    // 12 March 2031 10:00 in Copenhagen is 09:00 UTC.
    expect((await evaluate(birthday, new Date("2031-03-12T08:59:00Z"), scope)).texted).toBe(0);
    const first = await evaluate(birthday, new Date("2031-03-12T09:01:00Z"), scope);
    expect(first).toMatchObject({ texted: 1, heldOut: 0 });
    expect(first.campaigns[0]).toMatchObject({ origin: "automation", category: "marketing", provider: "cpsms" });
    const [text] = await textsTo(ida.id);
    expect(text?.body).toContain("Hej Ida\n10% rabat");
    // Later the same day, and the next day: the same occurrence, nothing more.
    expect((await evaluate(birthday, new Date("2031-03-12T15:00:00Z"), scope)).texted).toBe(0);
    expect((await evaluate(birthday, new Date("2031-03-13T08:00:00Z"), scope)).texted).toBe(0);
    // The next year is a new occurrence.
    expect((await evaluate(birthday, new Date("2032-03-12T09:30:00Z"), scope)).texted).toBe(1);
    const rows = await occurrences(scope);
    expect(rows.map((r) => [r.contactId, r.occurrenceKey])).toEqual([
      [ida.id, "2031"],
      [ida.id, "2032"],
    ]);
    expect(rows[0]?.dueAt.toISOString()).toBe("2031-03-12T09:00:00.000Z");
  });

  it("takes 29 February as the 28th in other years, and a birthday early in January from the year before", async () => {
    const birthday = automation("birthday", { daysBefore: 5, sendAt: "09:30" });
    const leap = await guest({ birthdayMonth: 2, birthdayDay: 29 });
    const january = await guest({ birthdayMonth: 1, birthdayDay: 2 });
    const a = await evaluate(birthday, new Date("2031-02-23T09:00:00Z"), [leap.id]);
    expect(a.texted).toBe(1);
    const b = await evaluate(birthday, new Date("2030-12-28T09:00:00Z"), [january.id]);
    expect(b.texted).toBe(1);
    const rows = await occurrences([leap.id, january.id]);
    expect(rows.map((r) => r.occurrenceKey).sort()).toEqual(["2031", "2031"]);
  });
});

describe("win-back", () => {
  it("is due N days after the last visit when the guest had at least M visits; a new visit starts a new lapse", async () => {
    const winback = automation("winback", { lapseDays: 30, minVisits: 2 });
    const regular = await guest();
    const once = await guest();
    const back = await guest();
    const t = new Date("2031-05-01T18:00:00Z");
    await visit(regular.id, new Date(t.getTime() - 20 * DAY), t);
    await visit(once.id, t);
    await visit(back.id, new Date(t.getTime() - 20 * DAY), t, new Date(t.getTime() + 10 * DAY));
    const scope = [regular.id, once.id, back.id];
    expect((await evaluate(winback, new Date(t.getTime() + 30 * DAY - HOUR), scope)).texted).toBe(0);
    expect((await evaluate(winback, new Date(t.getTime() + 30 * DAY + HOUR), scope)).texted).toBe(1);
    expect((await evaluate(winback, new Date(t.getTime() + 30 * DAY + 2 * HOUR), scope)).texted).toBe(0);
    // `back` lapses 30 days after their third visit.
    expect((await evaluate(winback, new Date(t.getTime() + 40 * DAY + HOUR), scope)).texted).toBe(1);
    const rows = await occurrences(scope);
    expect(rows.map((r) => [r.contactId, r.occurrenceKey])).toEqual([
      [regular.id, "lapse:2031-05-01T18:00:00"],
      [back.id, "lapse:2031-05-11T18:00:00"],
    ]);
    // The regular comes back and lapses again: a new occurrence.
    await visit(regular.id, new Date(t.getTime() + 60 * DAY));
    expect((await evaluate(winback, new Date(t.getTime() + 90 * DAY + HOUR), scope)).texted).toBe(1);
    expect(await textsTo(regular.id)).toHaveLength(2);
  });
});

describe("after-visit", () => {
  it("thanks N hours after each visit, once per visit", async () => {
    const thanks = automation("after_visit", { hoursAfter: 3 });
    const g = await guest();
    const t = new Date("2031-06-01T12:00:00Z");
    const [v1, v2] = await visit(g.id, t, new Date(t.getTime() + 5 * DAY));
    expect((await evaluate(thanks, new Date(t.getTime() + 2 * HOUR), [g.id])).texted).toBe(0);
    expect((await evaluate(thanks, new Date(t.getTime() + 3 * HOUR + 60_000), [g.id])).texted).toBe(1);
    expect((await evaluate(thanks, new Date(t.getTime() + 4 * HOUR), [g.id])).texted).toBe(0);
    expect((await evaluate(thanks, new Date(t.getTime() + 5 * DAY + 4 * HOUR), [g.id])).texted).toBe(1);
    const rows = await occurrences([g.id]);
    expect(rows.map((r) => r.occurrenceKey)).toEqual([`visit:${v1!.id}`, `visit:${v2!.id}`]);
  });

  it("skips a guest on the suppression list and one without consent", async () => {
    const thanks = automation("after_visit", { hoursAfter: 1 });
    const withdrawn = await guest({ consentState: "withdrawn" });
    const suppressed = await guest();
    await getDb()
      .insert(suppressions)
      .values({ phoneHash: hashPhone(suppressed.phone), source: "staff" });
    const t = new Date("2031-06-02T12:00:00Z");
    await visit(withdrawn.id, t);
    await visit(suppressed.id, t);
    const scope = [withdrawn.id, suppressed.id];
    expect((await evaluate(thanks, new Date(t.getTime() + 2 * HOUR), scope)).texted).toBe(0);
    expect(await occurrences(scope)).toHaveLength(0);
  });
});

describe("welcome", () => {
  it("greets a new consent once, ever", async () => {
    const welcome = automation("welcome");
    const at = new Date("2031-07-01T12:00:00Z");
    const g = await guest({ consentChangedAt: at });
    expect((await evaluate(welcome, new Date(at.getTime() + 60_000), [g.id])).texted).toBe(1);
    // Withdrawn and granted again: still one welcome.
    await getDb()
      .update(contacts)
      .set({ consentChangedAt: new Date(at.getTime() + 2 * DAY) })
      .where(eq(contacts.id, g.id));
    expect((await evaluate(welcome, new Date(at.getTime() + 2 * DAY + 60_000), [g.id])).texted).toBe(0);
  });
});

describe("quiet hours", () => {
  it("holds a text due at night for the morning in the guest's zone, never drops it", async () => {
    const thanks = automation("after_visit", { hoursAfter: 3 });
    const g = await guest();
    const t = new Date("2031-12-03T19:00:00Z"); // 20:00 in Copenhagen; due 23:00
    await visit(g.id, t);
    const night = { ...restaurant, quietHoursStart: "21:00", quietHoursEnd: "09:00" };
    const out = await evaluate(thanks, new Date(t.getTime() + 3 * HOUR + 60_000), [g.id], night);
    expect(out.texted).toBe(1);
    expect(out.campaigns[0]?.scheduledAt?.toISOString()).toBe("2031-12-04T08:00:00.000Z");
  });
});

describe("welcome in quiet hours (the guarantees of the sign-up page's welcome, which this replaced)", () => {
  it("consent at 23:10 in Copenhagen waits for 09:00 in the guest's zone; Karachi's 09:00 for a Pakistani number", async () => {
    const welcome = automation("welcome");
    const night = new Date("2031-12-03T22:10:00Z"); // 23:10 in Copenhagen, 03:10 in Karachi
    const dane = await guest({ consentChangedAt: night, language: "da" });
    const pak = await guest({
      consentChangedAt: night,
      phone: `+92300${String(Date.now()).slice(-7)}`,
      language: "ur",
    });
    const quiet = { ...restaurant, quietHoursStart: "20:00", quietHoursEnd: "09:00" };
    const out = await evaluate(welcome, new Date(night.getTime() + 1000), [dane.id, pak.id], quiet);
    expect(out.texted).toBe(2);
    const byProvider = Object.fromEntries(out.campaigns.map((c) => [c.provider, c.scheduledAt?.toISOString()]));
    expect(byProvider).toEqual({ cpsms: "2031-12-04T08:00:00.000Z", smsapp: "2031-12-04T04:00:00.000Z" });
    // Urdu has no text here: the guest gets the restaurant's default language's, with the footer in that language.
    const [urdu] = await textsTo(pak.id);
    expect(urdu?.body).toMatch(/^Hi Ida/);
  });
});

describe("exactly once", () => {
  it("two evaluations at once text each guest once", async () => {
    const thanks = automation("after_visit", { hoursAfter: 2 });
    const t = new Date("2031-08-01T12:00:00Z");
    const guests = await Promise.all(Array.from({ length: 20 }, () => guest()));
    for (const g of guests) await visit(g.id, t);
    const scope = guests.map((g) => g.id);
    const now = new Date(t.getTime() + 2 * HOUR + 60_000);
    const [a, b] = await Promise.all([evaluate(thanks, now, scope), evaluate(thanks, now, scope)]);
    expect(a.texted + b.texted).toBe(20);
    const texts = await getDb()
      .select({ contactId: campaignMessages.contactId })
      .from(campaignMessages)
      .where(and(inArray(campaignMessages.contactId, scope)));
    expect(texts).toHaveLength(20);
    expect(new Set(texts.map((r) => r.contactId)).size).toBe(20);
  });
});
