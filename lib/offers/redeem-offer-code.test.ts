import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, offerCodes, offers } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { guest } from "@/tests/support/automations";
import { insertUser } from "@/tests/support/factories";
import { MAX_MISSES_PER_HOUR, MISS_ACTION } from "./lookup-limit";
import { generateOfferCode } from "./offer-code";
import { lookUpTypedCode, redeemTypedCode } from "./redeem-at-till";
import { lookupOfferCode, redeemOfferCode } from "./redeem-offer-code";

const HOUR = 3600_000;

/** A stored code for a named guest, valid from `from` to `until` (ms from now). */
async function seedCode(window: { from: number; until: number } = { from: -HOUR, until: HOUR }) {
  const db = getDb();
  const contact = await guest({ firstName: "Mette" });
  const [offer] = await db
    .insert(offers)
    .values({ title: "2 for 1 pizza", validUntil: new Date(Date.now() + window.until) })
    .returning();
  const code = generateOfferCode();
  await db.insert(offerCodes).values({
    code,
    offerId: offer!.id,
    contactId: contact.id,
    phone: contact.phone,
    validFrom: new Date(Date.now() + window.from),
    validUntil: new Date(Date.now() + window.until),
  });
  return code;
}

const audits = (code: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "offer_code"), eq(auditLog.targetId, code)));

describe("redeeming an offer code", () => {
  it("shows the offer and the guest's first name, however the code was typed", async () => {
    const user = await insertUser();
    const code = await seedCode();
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4).replace(/0/g, "o").replace(/1/g, "l")}`;
    const view = await lookUpTypedCode(getDb(), user, typed);
    expect(view).toMatchObject({ code, title: "2 for 1 pizza", firstName: "Mette", state: "valid", redeemedAt: null });
  });

  it("redeems once: of two tills at the same moment one wins, the other is told when and by whom", async () => {
    const [anna, bo] = await Promise.all([insertUser(), insertUser({ role: "manager" })]);
    const code = await seedCode();
    const bill = { minor: 24950, currency: "DKK" };
    const [a, b] = await Promise.all([
      redeemOfferCode(getDb(), anna, code, bill),
      redeemOfferCode(getDb(), bo, code, null),
    ]);
    expect([a.redeemed, b.redeemed].sort()).toEqual([false, true]);
    const winner = a.redeemed ? anna : bo;
    const loser = a.redeemed ? b : a;
    expect(loser.view).toMatchObject({ state: "redeemed", redeemedBy: winner.name });
    expect(loser.view.redeemedAt).toBeInstanceOf(Date);
    const [row] = await getDb().select().from(offerCodes).where(eq(offerCodes.code, code));
    expect(row!.redeemedById).toBe(winner.id);
    expect(row!.billMinor).toBe(a.redeemed ? 24950 : null);
    // A double tap later is refused too, and the stored redemption doesn't change.
    const again = await redeemOfferCode(getDb(), winner, code, bill);
    expect(again).toMatchObject({ redeemed: false, view: { state: "redeemed", redeemedBy: winner.name } });
    const entries = await audits(code);
    expect(entries.filter((e) => e.action === "offer.redeemed")).toHaveLength(1);
    expect(entries.filter((e) => e.action === "offer.redeem_refused")).toHaveLength(2);
    const redeemed = entries.find((e) => e.action === "offer.redeemed")!;
    expect(redeemed.actorId).toBe(winner.id);
    expect(redeemed.details).toMatchObject({ title: "2 for 1 pizza" });
  });

  it("refuses a code before its window and after it, saying which", async () => {
    const user = await insertUser();
    const early = await seedCode({ from: HOUR, until: 2 * HOUR });
    const late = await seedCode({ from: -2 * HOUR, until: -1000 });
    expect(await redeemOfferCode(getDb(), user, early, null)).toMatchObject({
      redeemed: false,
      view: { state: "not_yet" },
    });
    expect(await redeemOfferCode(getDb(), user, late, null)).toMatchObject({
      redeemed: false,
      view: { state: "expired" },
    });
    const [row] = await getDb().select().from(offerCodes).where(eq(offerCodes.code, early));
    expect(row!.redeemedAt).toBeNull();
    expect((await audits(late))[0]?.details).toMatchObject({ reason: "expired" });
  });

  it("reads the bill in the restaurant's currency and refuses one that isn't an amount", async () => {
    const user = await insertUser();
    const code = await seedCode();
    await expect(redeemTypedCode(getDb(), user, { code, bill: "12,345" })).rejects.toThrow("Redeem.validation.bill");
    const done = await redeemTypedCode(getDb(), user, { code, bill: "249,50" });
    expect(done.view).toMatchObject({ state: "redeemed", billMinor: 24950, currency: "DKK" });
  });

  it("refuses text that can't be a code without touching the limit", async () => {
    const user = await insertUser();
    await expect(lookUpTypedCode(getDb(), user, "HELLO")).rejects.toThrow("Redeem.errors.notACode");
    const misses = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, MISS_ACTION)));
    expect(misses).toHaveLength(0);
  });

  it(`limits a user to ${MAX_MISSES_PER_HOUR} unknown codes an hour, parallel or not; real codes still count as hits`, async () => {
    const user = await insertUser();
    const other = await insertUser();
    const real = await seedCode();
    const unknown = () => generateOfferCode();
    const first = await Promise.allSettled(
      Array.from({ length: MAX_MISSES_PER_HOUR + 5 }, () => lookupOfferCode(getDb(), user, unknown())),
    );
    const reasons = first.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "found"));
    expect(reasons.filter((m) => m === "Redeem.errors.unknownCode")).toHaveLength(MAX_MISSES_PER_HOUR);
    expect(reasons.filter((m) => m === "Redeem.errors.tooManyMisses")).toHaveLength(5);
    // Limited: even a real code is refused now (a guesser can't tell a hit from the limit), and redeeming too.
    await expect(lookupOfferCode(getDb(), user, real)).rejects.toThrow("Redeem.errors.tooManyMisses");
    await expect(redeemOfferCode(getDb(), user, unknown(), null)).rejects.toThrow("Redeem.errors.tooManyMisses");
    // Another user is not affected; hits never count.
    for (let i = 0; i < 3; i++) await lookupOfferCode(getDb(), other, real);
    const [count] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, other.id), eq(auditLog.action, MISS_ACTION)));
    expect(count!.n).toBe(0);
  });
});
