import { describe, expect, it } from "vitest";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { audienceStats, MAX_MESSAGE_CHARACTERS } from "./audience-stats";
import { renderTemplate } from "./merge-fields";

const url = (i: number) => `https://cdr.dk/s/${i.toString(36).padStart(6, "0")}`;

describe("audienceStats", () => {
  it("counts segments, encodings and the longest message per recipient", () => {
    const template = `Hi {first_name|there}! ${"x".repeat(145)}`;
    const recipients = [
      { firstName: "Al" }, // 4 + 2 + 146 = 152 → 1 segment
      { firstName: "Christoffer" }, // 161 → 2 segments
      { firstName: "Zoë 🎉" }, // emoji: UCS-2
      { firstName: "" }, // fallback "there": 157 → 1 segment
    ];
    const stats = audienceStats(template, recipients);
    expect(stats).toMatchObject({
      recipients: 4,
      minSegments: 1,
      maxSegments: 3,
      totalSegments: 1 + 2 + 3 + 1,
      encodings: { gsm: 3, ucs2: 1 },
      overLimit: { count: 0, examples: [] },
      estimatedCost: null,
    });
    expect(stats.longest?.recipient).toBe(recipients[2]);
    expect(stats.longest?.text).toBe(`Hi Zoë 🎉! ${"x".repeat(145)}`);
    expect(stats.longest?.info.encoding).toBe("UCS-2");
  });

  it("matches exact per-message counting for tricky values (extension characters, UCS-2 names, emoji)", () => {
    const template = `{first_name|friend} ${"y".repeat(150)} {last_name}`;
    const names = ["Ann", "€uro", "[Bo]", "Ærø", "Çağla", "Ţ", "👩‍🍳 Chef", "ab", "ab€", "Zoë", "𝒜my"];
    const recipients = names.flatMap((firstName) => names.map((lastName) => ({ firstName, lastName })));
    const stats = audienceStats(template, recipients);
    let total = 0;
    let ucs2 = 0;
    for (const r of recipients) {
      const info = getSegmentInfo(renderTemplate(template, r));
      total += info.segments;
      if (info.encoding === "UCS-2") ucs2 += 1;
    }
    expect(stats.totalSegments).toBe(total);
    expect(stats.encodings.ucs2).toBe(ucs2);
  });

  it("estimates cost in provider units: CPSMS 1 point to +45 and 1.6 abroad, smsapp.pk 1 unit", () => {
    const recipients = [
      { firstName: "Mette", phone: "+4512345678" },
      { firstName: "Ahmed", phone: "+923001234567" },
      { firstName: "Jo", phone: null },
    ];
    const template = `Hi {first_name|there} ${"z".repeat(155)}`; // 2 segments each
    expect(audienceStats(template, recipients, { provider: "cpsms" }).estimatedCost).toBe(2 + 3.2 + 2);
    expect(audienceStats(template, recipients, { provider: "smsapp" }).estimatedCost).toBe(6);
  });

  it("flags recipients whose message is over 1530 characters", () => {
    const template = `{first_name}${"a".repeat(MAX_MESSAGE_CHARACTERS - 3)}`;
    const stats = audienceStats(template, [{ firstName: "Bo" }, { firstName: "Bob" }, { firstName: "Bobby" }]);
    expect(stats.overLimit.count).toBe(1);
    expect(stats.overLimit.examples).toEqual([{ firstName: "Bobby" }]);
    expect(stats.maxSegments).toBe(11);
  });

  it("returns zeros for an empty audience", () => {
    expect(audienceStats("Hi", [])).toMatchObject({
      recipients: 0,
      minSegments: 0,
      maxSegments: 0,
      totalSegments: 0,
      longest: null,
    });
  });

  it("handles 10,000 recipients with unique names and opt-out links quickly", () => {
    const recipients = Array.from({ length: 10_000 }, (_, i) => ({
      firstName: `Guest${i}`,
      lastName: i % 7 === 0 ? "Ødegård" : "Hansen",
      optOutUrl: url(i),
      phone: i % 3 === 0 ? "+923001234567" : "+4520000000",
    }));
    const template =
      "Hi {first_name|there} {last_name}, happy hour today 16-18 at {restaurant|us}: 2 for 1 on cocktails.\nStop: {opt_out_link}";
    const started = performance.now();
    const stats = audienceStats(template, recipients, { provider: "cpsms" });
    const ms = performance.now() - started;
    console.info(`audienceStats 10k: ${Math.round(ms)} ms`);
    expect(stats.totalSegments).toBe(10_000);
    expect(stats.encodings.gsm).toBe(10_000);
    expect(stats.estimatedCost).toBe(12_000.4); // 3,334 × 1.6 + 6,666 × 1, rounded to cents;
    // Uncached counting takes ~5 s for 10k messages; the shape cache keeps this interactive.
    expect(ms).toBeLessThan(1000);
  });
});
