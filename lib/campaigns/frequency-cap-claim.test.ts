import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, messageEvents } from "@/drizzle/schema";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { getDb } from "@/lib/db";
import { type FrequencyCap, phonesAtCap } from "@/lib/marketing/frequency-cap";
import { quickCampaign } from "@/tests/support/campaigns";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { claimBatch } from "./claim-batch";

// The cap is passed in, never saved: other test files share the settings row (where it is off) and run meanwhile.
const CAP: FrequencyCap = { messages: 1, days: 3, timeZone: "Europe/Copenhagen" };
const DAY_MS = 24 * 60 * 60 * 1000;

/** A promotion the guest already had: its status and moment written as a dispatcher and the provider would. */
async function pastPromotion(
  phone: string,
  daysAgo: number,
  status: MessageStatus = "delivered",
  category: "marketing" | "transactional" = "marketing",
) {
  const campaign = await quickCampaign("cpsms", [phone], { category });
  const at = new Date(Date.now() - daysAgo * DAY_MS);
  await getDb()
    .update(campaignMessages)
    .set({ status, sentAt: at, claimedAt: at, promotionAt: category === "marketing" ? at : null })
    .where(eq(campaignMessages.campaignId, campaign.id));
  return campaign;
}

const rowsOf = (campaignId: string) =>
  getDb()
    .select({
      phone: campaignMessages.phone,
      status: campaignMessages.status,
      errorCode: campaignMessages.errorCode,
      errorMessage: campaignMessages.errorMessage,
      promotionAt: campaignMessages.promotionAt,
    })
    .from(campaignMessages)
    .where(eq(campaignMessages.campaignId, campaignId));

describe("the frequency cap at the moment of sending", () => {
  it("skips a guest texted a promotion 2 days ago, sends to one texted 4 days ago, with a reason and a timeline line", async () => {
    const recent = uniqueDkPhone();
    const older = uniqueDkPhone();
    await pastPromotion(recent, 2);
    await pastPromotion(older, 4);
    const promo = await quickCampaign("cpsms", [recent, older]);

    const claimed = await claimBatch(getDb(), promo.id, 10, undefined, { marketing: true, cap: CAP });
    expect(claimed.map((m) => m.phone)).toEqual([older]);
    const rows = await rowsOf(promo.id);
    expect(rows.find((r) => r.phone === recent)).toMatchObject({
      status: "cancelled",
      errorCode: "frequency_cap",
      errorMessage: "Not sent: the guest already had a promotion within the last 3 days (frequency cap).",
    });
    expect(rows.find((r) => r.phone === older)?.promotionAt).toBeInstanceOf(Date);
    const events = await getDb()
      .select({ status: messageEvents.status, source: messageEvents.source })
      .from(messageEvents)
      .innerJoin(campaignMessages, eq(campaignMessages.id, messageEvents.messageId))
      .where(and(eq(campaignMessages.campaignId, promo.id), eq(campaignMessages.phone, recent)));
    expect(events).toEqual([{ status: "cancelled", source: "cap" }]);
  });

  it("counts calendar days: 3 days ago is free again (Monday's promotion, Thursday's is allowed)", async () => {
    const phone = uniqueDkPhone();
    await pastPromotion(phone, 3);
    expect(await phonesAtCap(getDb(), CAP, [phone], new Date())).toEqual(new Set());
    expect(await phonesAtCap(getDb(), { ...CAP, days: 4 }, [phone], new Date())).toEqual(new Set([phone]));
  });

  it("counts only what reached or may reach the guest: not failed, rejected, undelivered, cancelled or queued ones", async () => {
    const phone = uniqueDkPhone();
    for (const status of ["failed", "rejected", "undelivered", "cancelled", "expired", "queued"] as const)
      await pastPromotion(phone, 1, status);
    expect(await phonesAtCap(getDb(), CAP, [phone], new Date())).toEqual(new Set());
    await pastPromotion(phone, 1, "unknown");
    expect(await phonesAtCap(getDb(), CAP, [phone], new Date())).toEqual(new Set([phone]));
  });

  it("reads a big audience the same way as a small one (the whole window once, past 2,000 numbers)", async () => {
    const texted = uniqueDkPhone();
    await pastPromotion(texted, 1);
    const others = Array.from({ length: 2500 }, (_, i) => `+4528${String(i).padStart(6, "0")}`);
    expect(await phonesAtCap(getDb(), CAP, [texted, ...others], new Date())).toEqual(new Set([texted]));
    expect(await phonesAtCap(getDb(), CAP, [texted], new Date())).toEqual(new Set([texted]));
  });

  it("allows `messages` per window: with 2 per 7 days, one earlier promotion leaves room for a second", async () => {
    const phone = uniqueDkPhone();
    await pastPromotion(phone, 5);
    const twoPerWeek = { ...CAP, messages: 2, days: 7 };
    expect(await phonesAtCap(getDb(), twoPerWeek, [phone], new Date())).toEqual(new Set());
    await pastPromotion(phone, 1);
    expect(await phonesAtCap(getDb(), twoPerWeek, [phone], new Date())).toEqual(new Set([phone]));
  });

  it("a promotion CPSMS holds for tomorrow keeps today's away (never two within the window)", async () => {
    const phone = uniqueDkPhone();
    await pastPromotion(phone, -1, "scheduled");
    expect(await phonesAtCap(getDb(), CAP, [phone], new Date())).toEqual(new Set([phone]));
  });

  it("transactional messages never count and are never capped", async () => {
    const phone = uniqueDkPhone();
    await pastPromotion(phone, 0, "delivered", "transactional");
    expect(await phonesAtCap(getDb(), CAP, [phone], new Date())).toEqual(new Set());

    await pastPromotion(phone, 0); // now a promotion today too
    const confirmation = await quickCampaign("cpsms", [phone], { category: "transactional" });
    const claimed = await claimBatch(getDb(), confirmation.id, 10, undefined, { marketing: false, cap: CAP });
    expect(claimed.map((m) => m.phone)).toEqual([phone]);
    expect((await rowsOf(confirmation.id))[0]?.promotionAt).toBeNull();
  });

  it("two dispatchers claiming the same guests at the same moment text each guest once", async () => {
    const phones = Array.from({ length: 40 }, () => uniqueDkPhone());
    const a = await quickCampaign("cpsms", phones, { template: "Lunch offer" });
    const b = await quickCampaign("cpsms", [...phones].reverse(), { template: "Dinner offer" });
    const claimAll = async (campaignId: string) => {
      const phonesClaimed: string[] = [];
      for (;;) {
        const batch = await claimBatch(getDb(), campaignId, 7, undefined, { marketing: true, cap: CAP });
        if (batch.length === 0) return phonesClaimed;
        phonesClaimed.push(...batch.map((m) => m.phone));
      }
    };
    const [fromA, fromB] = await Promise.all([claimAll(a.id), claimAll(b.id)]);
    // Every guest is claimed (to be texted) by exactly one of the two; the other campaign skipped them.
    expect([...fromA, ...fromB].sort()).toEqual([...phones].sort());
    const capped = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(campaignMessages)
      .where(and(inArray(campaignMessages.campaignId, [a.id, b.id]), eq(campaignMessages.errorCode, "frequency_cap")));
    expect(capped[0]?.n).toBe(phones.length);
  });
});
