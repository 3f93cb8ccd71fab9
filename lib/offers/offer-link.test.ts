import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, offerCodes, offers } from "@/drizzle/schema";
import { type MessageChoice, planCampaigns } from "@/lib/campaigns/compose/plan-campaigns";
import type { Recipient } from "@/lib/campaigns/compose/resolve-recipients";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { DEFAULT_ROUTES } from "@/lib/campaigns/route-provider";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { audienceStats } from "@/lib/messages/audience-stats";
import { renderTemplate } from "@/lib/messages/merge-fields";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { findGuestOffer } from "./guest-offer";
import { generateOfferCode } from "./offer-code";
import { offerLinkSignature, offerLinkToken, offerMergeValues, offerUrl, verifyOfferLinkToken } from "./offer-link";
import { exampleOfferUrl, OFFER_LINK_EXAMPLE } from "./offer-link-shape";

/** A stored code of a "2 for 1 pizza" offer with the given window (and redemption). */
async function seedOfferCode(
  db: ReturnType<typeof getDb>,
  w: { from: Date; until: Date; redeemedAt?: Date },
): Promise<string> {
  const [offer] = await db.insert(offers).values({ title: "2 for 1 pizza", validUntil: w.until }).returning();
  const code = generateOfferCode();
  await db.insert(offerCodes).values({
    code,
    offerId: offer!.id,
    phone: "+4528990077",
    validFrom: w.from,
    validUntil: w.until,
    redeemedAt: w.redeemedAt ?? null,
  });
  return code;
}

describe("offer link signature", () => {
  it("round-trips: a token made for a code gives that code back, and only that token does", () => {
    const code = generateOfferCode();
    const token = offerLinkToken(code);
    expect(token).toMatch(/^[0-9A-Z]{8}[0-9A-Za-z]{8}$/);
    expect(verifyOfferLinkToken(token)).toBe(code);
    expect(offerLinkSignature(code)).toBe(offerLinkSignature(code));
  });

  it("refuses a tampered, short, long or non-canonical token", () => {
    const code = "7KQ2M9XD";
    const token = offerLinkToken(code);
    const sig = token.slice(8);
    const flip = (c: string) => (c === "a" ? "b" : "a");
    expect(verifyOfferLinkToken(`${code}${sig.slice(0, 7)}${flip(sig[7]!)}`)).toBeNull();
    expect(verifyOfferLinkToken(`7KQ2M9XE${sig}`)).toBeNull(); // another code, this code's signature
    expect(verifyOfferLinkToken(token.slice(0, 15))).toBeNull();
    expect(verifyOfferLinkToken(`${token}x`)).toBeNull();
    expect(verifyOfferLinkToken("")).toBeNull();
    expect(verifyOfferLinkToken(`${code.toLowerCase()}${sig}`)).toBeNull(); // only the canonical spelling
    expect(verifyOfferLinkToken(`7KQ2M9XO${sig}`)).toBeNull();
  });

  it("depends on ENCRYPTION_KEY: a new key retires every link", () => {
    const code = "7KQ2M9XD";
    const before = offerLinkToken(code);
    setRuntimeEnv({ ENCRYPTION_KEY: "another-encryption-key-0123456789abcdef" });
    try {
      expect(verifyOfferLinkToken(before)).toBeNull();
    } finally {
      setRuntimeEnv({ ENCRYPTION_KEY: "test-encryption-key-0123456789abcdef" });
    }
    expect(verifyOfferLinkToken(before)).toBe(code);
  });
});

describe("{offer_link}", () => {
  it("is always as long as the example the editors count with, and renders the guest's own link", () => {
    const url = offerUrl(generateOfferCode());
    const optOut = url.replace(/\/c\/.*$/, "/o/a1B2c3D4e5");
    expect(exampleOfferUrl(optOut)).toHaveLength(url.length);
    expect(exampleOfferUrl(null)).toBe(OFFER_LINK_EXAMPLE);
    for (let i = 0; i < 20; i++) expect(offerUrl(generateOfferCode())).toHaveLength(url.length);
    const code = generateOfferCode();
    const values = offerMergeValues(code, "Show {offer_link}");
    expect(renderTemplate("Show {offer_link}", values)).toBe(`Show ${offerUrl(code)}`);
    // A text without the field signs nothing.
    expect(offerMergeValues(code, "Show {offer_code}").offerUrl).toBeUndefined();
  });

  it("is counted at its exact length before codes are drawn", () => {
    const optOut = "http://localhost:3000/o/a1B2c3D4e5";
    const counted = audienceStats("Hi {offer_link}", [{ optOutUrl: optOut }]);
    const real = `Hi ${exampleOfferUrl(optOut)}`;
    expect(counted.longest?.info.characters).toBe(real.length);
  });
});

describe("the guest's offer page data", () => {
  it("finds the code's offer and state through a valid token, and nothing through a tampered one", async () => {
    const db = getDb();
    const now = Date.now();
    const valid = await seedOfferCode(db, { from: new Date(now - 3600_000), until: new Date(now + 86400_000) });
    const early = await seedOfferCode(db, { from: new Date(now + 86400_000), until: new Date(now + 2 * 86400_000) });
    const late = await seedOfferCode(db, { from: new Date(now - 2 * 86400_000), until: new Date(now - 3600_000) });
    const used = await seedOfferCode(db, {
      from: new Date(now - 3600_000),
      until: new Date(now + 86400_000),
      redeemedAt: new Date(now - 60_000),
    });
    expect(await findGuestOffer(db, offerLinkToken(valid))).toMatchObject({
      code: valid,
      shown: `${valid.slice(0, 4)}-${valid.slice(4)}`,
      title: "2 for 1 pizza",
      state: "valid",
    });
    expect((await findGuestOffer(db, offerLinkToken(early)))?.state).toBe("not_yet");
    expect((await findGuestOffer(db, offerLinkToken(late)))?.state).toBe("expired");
    expect(await findGuestOffer(db, offerLinkToken(used))).toMatchObject({ state: "redeemed" });
    const token = offerLinkToken(valid);
    expect(await findGuestOffer(db, `${token.slice(0, 15)}${token[15] === "a" ? "b" : "a"}`)).toBeNull();
    // A code nobody was sent, with a correct signature: the same answer as a forged link.
    expect(await findGuestOffer(db, offerLinkToken(generateOfferCode()))).toBeNull();
  });
});

describe("{offer_link} in a campaign", () => {
  const context = {
    restaurantName: "Cafe Rose",
    defaultSenders: { cpsms: null, smsapp: null },
    routes: DEFAULT_ROUTES,
  };
  const promo: MessageChoice = {
    message: "2 for 1 pizza: {offer_link}",
    category: "marketing",
    optOutFooter: true,
    footerLanguage: "en",
    provider: "auto",
    sender: "",
    offer: { title: "2 for 1 pizza", validUntil: "2099-12-31" },
  };
  const person = (): Recipient => ({
    phone: uniqueDkPhone(),
    contactId: null,
    firstName: "Ida",
    lastName: "",
    optOutToken: "tok123",
    language: null,
  });

  it("gives each guest their own signed link, counted exactly, and is refused without an offer", () => {
    const [plan] = planCampaigns([person(), person(), person()], promo, context);
    for (const r of plan!.recipients) {
      const token = r.body.match(/\/c\/([0-9A-Za-z]{16})/)?.[1];
      expect(token && verifyOfferLinkToken(token)).toBe(r.offerCode);
    }
    const segments = plan!.recipients.reduce((n, r) => n + getSegmentInfo(r.body).segments, 0);
    expect(plan!.stats.totalSegments).toBe(segments);
    expect(() => planCampaigns([person()], { ...promo, offer: null }, context)).toThrow(
      "Compose.issues.offerLinkWithoutOffer",
    );
  });

  it("follows a code redrawn because it was taken, in the link too", async () => {
    const db = getDb();
    const taken = await seedOfferCode(db, { from: new Date(), until: new Date("2099-01-01") });
    const [offer] = await db
      .insert(offers)
      .values({ title: "2 for 1", validUntil: new Date("2099-01-01") })
      .returning();
    const campaign = await createCampaign(db, null, {
      name: "Offer link",
      provider: "cpsms",
      sender: null,
      template: "See {offer_link}",
      category: "marketing",
      optOutFooter: false,
      recipients: [{ phone: uniqueDkPhone(), contactId: null, body: `See ${offerUrl(taken)}`, offerCode: taken }],
      scheduledAt: null,
      expireAfterMinutes: null,
      approved: false,
      offer: { id: offer!.id, validFrom: new Date("2030-01-01"), validUntil: new Date("2099-01-01") },
    });
    const [row] = await db.select().from(offerCodes).where(eq(offerCodes.campaignId, campaign.id));
    const [message] = await db.select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id));
    expect(row!.code).not.toBe(taken);
    expect(message!.body).toBe(`See ${offerUrl(row!.code)}`);
  });
});
