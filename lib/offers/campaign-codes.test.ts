import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, campaigns, offerCodes, offers } from "@/drizzle/schema";
import { type MessageChoice, planCampaigns } from "@/lib/campaigns/compose/plan-campaigns";
import type { Recipient } from "@/lib/campaigns/compose/resolve-recipients";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { DEFAULT_ROUTES } from "@/lib/campaigns/route-provider";
import { getDb } from "@/lib/db";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { automation, evaluate, guest } from "@/tests/support/automations";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { formatOfferCode, generateOfferCode } from "./offer-code";
import { automationCodeValidity } from "./offer-validity";

const context = { restaurantName: "Cafe Rose", defaultSenders: { cpsms: null, smsapp: null }, routes: DEFAULT_ROUTES };
const person = (firstName: string, language: string | null = null): Recipient => ({
  phone: uniqueDkPhone(),
  contactId: null,
  firstName,
  lastName: "",
  optOutToken: "tok123",
  language,
});
const promo: MessageChoice = {
  message: "Hi {first_name}! 2 for 1 pizza: show {offer_code} at the till.",
  category: "marketing",
  optOutFooter: true,
  footerLanguage: "en",
  provider: "auto",
  sender: "",
  offer: { title: "2 for 1 pizza", validUntil: "2099-12-31" },
};
const CODE_IN_TEXT = /show ([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}) at/;

describe("a promotion's offer codes", () => {
  it("give every guest their own code in the text, counted exactly before they are drawn", () => {
    const audience = Array.from({ length: 50 }, (_, i) => person(`Guest${i}`));
    const [plan] = planCampaigns(audience, promo, context);
    const codes = plan!.recipients.map((r) => r.offerCode);
    expect(new Set(codes).size).toBe(50);
    for (const r of plan!.recipients) {
      expect(r.body.match(CODE_IN_TEXT)?.[1]).toBe(formatOfferCode(r.offerCode!));
    }
    const segments = plan!.recipients.reduce((n, r) => n + getSegmentInfo(r.body).segments, 0);
    expect(plan!.stats.totalSegments).toBe(segments);
  });

  it("refuse a text without {offer_code} in any version, {offer_code} without an offer, and offers on service texts", () => {
    const audience = [person("Ida", "da")];
    expect(() =>
      planCampaigns(
        audience,
        { ...promo, translations: [{ language: "da", message: "Hej! 2 for 1 pizza." }] },
        context,
      ),
    ).toThrow("Compose.issues.offerCodeMissing");
    expect(() => planCampaigns(audience, { ...promo, offer: null }, context)).toThrow(
      "Compose.issues.offerCodeWithoutOffer",
    );
    expect(() =>
      planCampaigns(audience, { ...promo, category: "transactional", optOutFooter: false }, context),
    ).toThrow("Compose.errors.offerOnlyPromotions");
  });

  it("are stored with the messages; one already taken is replaced, in the guest's text too", async () => {
    const db = getDb();
    const [other] = await db
      .insert(offers)
      .values({ title: "Older offer", validUntil: new Date("2099-01-01") })
      .returning();
    const taken = generateOfferCode();
    await db.insert(offerCodes).values({
      code: taken,
      offerId: other!.id,
      phone: "+4511111111",
      validFrom: new Date(),
      validUntil: new Date("2099-01-01"),
    });
    const twice = generateOfferCode();
    const body = (code: string) => `Show ${formatOfferCode(code)} at the till`;
    const recipients = [
      { phone: uniqueDkPhone(), contactId: null, body: body(taken), offerCode: taken },
      { phone: uniqueDkPhone(), contactId: null, body: body(twice), offerCode: twice },
      { phone: uniqueDkPhone(), contactId: null, body: body(twice), offerCode: twice },
    ];
    const [offer] = await db
      .insert(offers)
      .values({ title: "2 for 1", validUntil: new Date("2099-01-01") })
      .returning();
    const window = { id: offer!.id, validFrom: new Date("2030-01-01"), validUntil: new Date("2099-01-01") };
    const campaign = await createCampaign(db, null, {
      name: "Offer",
      provider: "cpsms",
      sender: null,
      template: "Show {offer_code} at the till",
      category: "marketing",
      optOutFooter: false,
      recipients,
      scheduledAt: null,
      expireAfterMinutes: null,
      approved: false,
      offer: window,
    });
    expect(campaign.offerId).toBe(offer!.id);
    const rows = await db.select().from(offerCodes).where(eq(offerCodes.campaignId, campaign.id));
    const messages = await db.select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.code)).size).toBe(3);
    expect(rows.map((r) => r.code)).not.toContain(taken);
    for (const row of rows) {
      expect(row).toMatchObject({ offerId: offer!.id, validFrom: window.validFrom, validUntil: window.validUntil });
      expect(messages.find((m) => m.phone === row.phone)?.body).toBe(body(row.code));
    }
    // The older offer's code still belongs to it.
    const [kept] = await db.select().from(offerCodes).where(eq(offerCodes.code, taken));
    expect(kept!.offerId).toBe(other!.id);
  });
});

describe("an automation's offer codes", () => {
  it("follow the offer line, last offer_valid_days, and version the offer when it changes", async () => {
    const now = new Date("2031-05-04T10:00:00Z");
    const consentChangedAt = new Date(now.getTime() - 60_000); // a welcome is due when consent was granted
    const ida = await guest({ language: "da", firstName: "Ida", consentChangedAt });
    const tom = await guest({ language: "en", firstName: "Tom", consentChangedAt });
    const bo = await guest({ language: "da", firstName: "Bo", consentChangedAt });
    const welcome = automation("welcome", { offer: { da: "Gratis kaffe" }, offerValidDays: 7 });
    const first = await evaluate(welcome, now, [ida.id, tom.id]);
    const campaign = first.campaigns[0]!;
    const [code] = await getDb().select().from(offerCodes).where(eq(offerCodes.contactId, ida.id));
    expect(code).toMatchObject(automationCodeValidity(now, 7, "Europe/Copenhagen"));
    expect(code!.campaignId).toBe(campaign.id);
    expect(campaign.offerId).toBe(code!.offerId);
    const texts = await getDb()
      .select()
      .from(campaignMessages)
      .where(inArray(campaignMessages.contactId, [ida.id, tom.id]));
    expect(texts.find((t) => t.contactId === ida.id)?.body).toContain(
      `Hej Ida\nGratis kaffe: ${formatOfferCode(code!.code)}`,
    );
    // Tom's language has no offer: no code.
    expect(texts.find((t) => t.contactId === tom.id)?.body).not.toMatch(/\d{1}[A-Z0-9]{3}-/);
    expect(await getDb().select().from(offerCodes).where(eq(offerCodes.contactId, tom.id))).toHaveLength(0);

    // Same offer: same row. A new text: a new row, and Ida's code keeps the old one.
    const changed = { ...welcome, offer: { da: "Gratis kage" } };
    await evaluate(changed, now, [bo.id]);
    const [boCode] = await getDb().select().from(offerCodes).where(eq(offerCodes.contactId, bo.id));
    expect(boCode!.offerId).not.toBe(code!.offerId);
    const [oldOffer] = await getDb().select().from(offers).where(eq(offers.id, code!.offerId));
    const [newOffer] = await getDb().select().from(offers).where(eq(offers.id, boCode!.offerId));
    expect(oldOffer).toMatchObject({ title: "Gratis kaffe", validDays: 7, automationKind: "welcome" });
    expect(newOffer).toMatchObject({ title: "Gratis kage", validDays: 7, automationKind: "welcome" });
    const [campaignRow] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(campaignRow!.offerId).toBe(oldOffer!.id);
  });
});
