import { describe, expect, it } from "vitest";
import { planCampaigns } from "@/lib/campaigns/compose/plan-campaigns";
import { DEFAULT_ROUTES } from "@/lib/campaigns/route-provider";
import { optOutUrl, publicBaseUrl } from "@/lib/consent/opt-out-link";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { findLinks } from "./find-links";
import { linkShortening, newLinkCode, shortenForRecipient } from "./link-codes";
import { isLinkCode, shortenTemplate, withExampleShortLinks } from "./short-link";

const origin = "https://cafe.example";
const found = (template: string) => findLinks(template, origin).map((l) => template.slice(l.start, l.end));

describe("findLinks", () => {
  it("finds several links and leaves trailing punctuation and brackets outside", () => {
    const text = "Se https://rose.dk/menu. Book (https://rose.dk/book?x=1), eller www.rose.dk/frokost!";
    expect(found(text)).toEqual(["https://rose.dk/menu", "https://rose.dk/book?x=1", "www.rose.dk/frokost"]);
    expect(findLinks(text, origin)[2]!.url).toBe("http://www.rose.dk/frokost");
  });

  it("leaves a colon or semicolon after a link outside it (an offer line's code follows one)", () => {
    expect(found("Book: https://rose.example/book: {offer_code}; or www.rose.dk/menu;")).toEqual([
      "https://rose.example/book",
      "www.rose.dk/menu",
    ]);
  });

  it("leaves our own links (opt-out, sign-up), e-mail, other schemes and 'Tak.Vi' alone", () => {
    const text = `Stop: ${origin}/o/abc ${origin}/join mail@rose.dk ftp://rose.dk Tak.Vi ses kl. 12.30`;
    expect(found(text)).toEqual([]);
  });

  it("leaves a link that runs into a merge field, and never reads inside a field", () => {
    expect(found("https://rose.dk/{first_name} og {first_name|https://x.dk}")).toEqual([]);
    expect(found("Hej {first_name}: https://rose.dk/a {restaurant}")).toEqual(["https://rose.dk/a"]);
  });

  it("works in Danish and Urdu text", () => {
    expect(found("Hej! Årets julefrokost: https://rose.dk/jul. Vi ses")).toEqual(["https://rose.dk/jul"]);
    expect(found("آج کی پیشکش: https://rose.pk/menu۔ شکریہ")).toEqual(["https://rose.pk/menu"]);
  });
});

describe("shortenTemplate", () => {
  it("replaces each link, the same URL with the same short link", () => {
    const out = shortenTemplate("A https://a.dk, B https://b.dk, A https://a.dk.", origin, (u) => `[${u}]`);
    expect(out).toBe("A [https://a.dk], B [https://b.dk], A [https://a.dk].");
  });
  it("is the identity without shortening or links", () => {
    expect(withExampleShortLinks("https://a.dk", null)).toBe("https://a.dk");
    expect(withExampleShortLinks("no links", { origin, base: origin, exampleUrl: "x" })).toBe("no links");
  });
});

describe("link codes", () => {
  it("are 8 base62 characters, random", () => {
    const codes = new Set(Array.from({ length: 2000 }, newLinkCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(isLinkCode(c)).toBe(true);
    expect(isLinkCode("abc")).toBe(false);
    expect(isLinkCode("abcd-fgh")).toBe(false);
  });

  it("give each recipient their own code per URL", () => {
    const shortening = linkShortening();
    const a = shortenForRecipient("https://a.dk og https://a.dk og https://b.dk", shortening);
    const b = shortenForRecipient("https://a.dk og https://a.dk og https://b.dk", shortening);
    expect(a.links).toHaveLength(2);
    expect(a.links[0]!.code).not.toBe(b.links[0]!.code);
    expect(a.template).toBe(
      `${shortening.base}/l/${a.links[0]!.code} og ${shortening.base}/l/${a.links[0]!.code} og ${shortening.base}/l/${a.links[1]!.code}`,
    );
  });
});

describe("planCampaigns with tracked links", () => {
  const guest = (phone: string, firstName: string, language: string | null) => ({
    phone,
    contactId: null,
    firstName,
    lastName: "",
    optOutToken: `tok${phone.slice(-6)}`,
    language,
  });
  const audience = [guest("+4520000001", "Mette", "da"), guest("+923001234567", "Ayesha", "ur")];
  const context = {
    restaurantName: "Cafe Rose",
    defaultSenders: { cpsms: null, smsapp: null },
    routes: DEFAULT_ROUTES,
  };
  const choice = {
    message: "Hi {first_name}: https://rose.dk/menu.",
    category: "marketing" as const,
    optOutFooter: true,
    footerLanguage: "en" as const,
    translations: [
      { language: "da" as const, message: "Hej {first_name}: se https://rose.dk/menu og www.rose.dk/bord." },
      { language: "ur" as const, message: "{first_name}، مینو: https://rose.pk/menu" },
    ],
    provider: "auto" as const,
    sender: "",
    trackLinks: true,
  };

  it("sends each guest their own short links, opt-out link untouched, and counts exactly what is sent", () => {
    const plans = planCampaigns(audience, choice, context);
    const base = publicBaseUrl();
    for (const plan of plans) {
      const r = plan.recipients[0]!;
      expect(r.body).not.toContain("rose.");
      expect(r.body).toContain(optOutUrl(`tok${r.phone.slice(-6)}`));
      for (const link of r.links!) expect(r.body).toContain(`${base}/l/${link.code}`);
      const sent = getSegmentInfo(r.body);
      expect(plan.stats.longest!.info.characters).toBe(sent.units);
      expect(plan.stats.totalSegments).toBe(sent.segments);
    }
    const mette = plans.flatMap((p) => p.recipients).find((r) => r.phone === "+4520000001")!;
    expect(mette.links!.map((l) => l.url)).toEqual(["https://rose.dk/menu", "http://www.rose.dk/bord"]);
  });

  it("leaves links as written when switched off or in a service message", () => {
    for (const c of [
      { ...choice, trackLinks: false },
      { ...choice, category: "transactional" as const },
    ]) {
      const r = planCampaigns(audience, c, context).flatMap((p) => p.recipients);
      expect(r.every((x) => x.links === undefined && x.body.includes("rose."))).toBe(true);
    }
  });
});
