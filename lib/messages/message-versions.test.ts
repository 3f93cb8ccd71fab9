import { describe, expect, it } from "vitest";
import { audienceStats } from "./audience-stats";
import { combineStats, type MessageVersions, splitByVersion, versionLanguageFor } from "./message-versions";

const versions: MessageVersions = {
  language: "en",
  message: "Hi {first_name}, lunch is on!",
  translations: [
    { language: "da", message: "Hej {first_name}, frokosten er klar!" },
    { language: "ur", message: "السلام علیکم {first_name}، دوپہر کا کھانا تیار ہے!" },
  ],
};

describe("message versions", () => {
  it("gives each guest the version in their language, else the main one", () => {
    expect(versionLanguageFor("da", versions)).toBe("da");
    expect(versionLanguageFor("ur-PK", versions)).toBe("ur");
    expect(versionLanguageFor("DA", versions)).toBe("da");
    expect(versionLanguageFor("en", versions)).toBe("en");
    expect(versionLanguageFor("de", versions)).toBe("en");
    expect(versionLanguageFor(null, versions)).toBe("en");
    expect(versionLanguageFor("da", { ...versions, translations: [] })).toBe("en");
  });

  it("splits the audience by version, keeping versions nobody gets", () => {
    const guests = [
      { phone: "+4520000001", firstName: "Mette", language: "da" },
      { phone: "+4520000002", firstName: "Tom", language: null },
      { phone: "+4520000003", firstName: "Ida", language: "da" },
    ];
    const split = splitByVersion(guests, versions);
    expect(split.map((v) => [v.language, v.main, v.recipients.map((r) => r.firstName)])).toEqual([
      ["en", true, ["Tom"]],
      ["da", false, ["Mette", "Ida"]],
      ["ur", false, []],
    ]);
  });

  it("adds the versions' figures up", () => {
    const split = splitByVersion(
      [
        { phone: "+4520000001", firstName: "Mette", language: "da" },
        { phone: "+923001234567", firstName: "Ali", language: "ur" },
        { phone: "+4520000002", firstName: "Tom", language: null },
      ],
      versions,
    );
    const parts = split.map((v) => audienceStats(v.message, v.recipients, { provider: "cpsms" }));
    const all = combineStats(parts);
    expect(all.recipients).toBe(3);
    expect(all.encodings).toEqual({ gsm: 2, ucs2: 1 });
    expect(all.totalSegments).toBe(parts.reduce((n, p) => n + p.totalSegments, 0));
    expect(all.estimatedCost).toBe(Math.round(parts.reduce((n, p) => n + p.estimatedCost!, 0) * 100) / 100);
    expect(all.longest?.recipient.firstName).toBe("Ali"); // same segments, most characters
    expect(combineStats([]).recipients).toBe(0);
  });
});
