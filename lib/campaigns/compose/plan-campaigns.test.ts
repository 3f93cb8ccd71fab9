import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTES } from "../route-provider";
import { type MessageChoice, planCampaigns } from "./plan-campaigns";
import type { Recipient } from "./resolve-recipients";

const guest = (phone: string, firstName: string, language: string | null): Recipient => ({
  phone,
  contactId: null,
  firstName,
  lastName: "",
  optOutToken: `tok${phone.slice(-6)}`,
  language,
});

const audience = [
  guest("+4520000001", "Mette", "da"),
  guest("+4520000002", "Tom", "en"),
  guest("+4520000003", "Ida", null),
  guest("+923001234567", "Ayesha", "ur"),
];

const choice: MessageChoice = {
  message: "Hi {first_name}, lunch is on!",
  category: "marketing",
  optOutFooter: true,
  footerLanguage: "en",
  translations: [
    { language: "da", message: "Hej {first_name}, frokosten er klar!" },
    { language: "ur", message: "{first_name}، دوپہر کا کھانا تیار ہے!" },
  ],
  provider: "auto",
  sender: "",
};
const context = { restaurantName: "Cafe Rose", defaultSenders: { cpsms: null, smsapp: null }, routes: DEFAULT_ROUTES };

describe("planCampaigns with a version per language", () => {
  it("gives each guest the version in their language, with its footer; the rest the main text", () => {
    const plans = planCampaigns(audience, choice, context);
    const bodies = Object.fromEntries(plans.flatMap((p) => p.recipients.map((r) => [r.phone, r.body])));
    expect(bodies["+4520000001"]).toMatch(/^Hej Mette, frokosten er klar!\nAfmeld: http\S+\/o\/tok000001$/);
    expect(bodies["+4520000002"]).toMatch(/^Hi Tom, lunch is on!\nStop: /);
    expect(bodies["+4520000003"]).toMatch(/^Hi Ida, lunch is on!\nStop: /); // no language: the main text
    expect(bodies["+923001234567"]).toMatch(/^Ayesha، دوپہر کا کھانا تیار ہے!\nبند کریں: /);
  });

  it("counts every version in the plan's figures", () => {
    const plans = planCampaigns(audience, choice, context);
    const cpsms = plans.find((p) => p.provider === "cpsms")!;
    const smsapp = plans.find((p) => p.provider === "smsapp")!;
    expect(cpsms.stats.recipients).toBe(3);
    expect(cpsms.stats.encodings).toEqual({ gsm: 3, ucs2: 0 });
    expect(smsapp.stats.encodings).toEqual({ gsm: 0, ucs2: 1 });
  });

  it("refuses a language written twice, an empty version and a version without an opt-out", () => {
    expect(() =>
      planCampaigns(audience, { ...choice, translations: [{ language: "en", message: "Hello" }] }, context),
    ).toThrow("Compose.errors.versionTwice");
    expect(() =>
      planCampaigns(audience, { ...choice, translations: [{ language: "da", message: "  " }] }, context),
    ).toThrow("Compose.errors.versionEmpty");
    expect(() =>
      planCampaigns(
        audience,
        {
          ...choice,
          optOutFooter: false,
          message: "Hi {opt_out_link}",
          translations: [{ language: "da", message: "Hej" }],
        },
        context,
      ),
    ).toThrow("Compose.issues.optOutMissing");
  });

  it("without translations, sends the main text to everyone as before", () => {
    const plans = planCampaigns(audience, { ...choice, translations: undefined }, context);
    for (const plan of plans) for (const r of plan.recipients) expect(r.body).toMatch(/lunch is on!\nStop: /);
  });
});
