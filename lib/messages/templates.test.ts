import { describe, expect, it } from "vitest";
import { audienceStats } from "./audience-stats";
import { renderTemplate } from "./merge-fields";
import { getMessageTemplate, MESSAGE_TEMPLATES } from "./templates";
import { validateTemplate } from "./validate-template";

const typical = {
  firstName: "Mette",
  lastName: "Jensen",
  restaurant: "Cafe Rose",
  optOutUrl: "https://cdr.dk/s/a1B2c3",
};

describe("MESSAGE_TEMPLATES", () => {
  it("has unique ids and covers the restaurant starters, with Danish birthday, happy hour and closure", () => {
    const ids = MESSAGE_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "birthday-en",
      "birthday-da",
      "happy-hour-en",
      "happy-hour-da",
      "slow-night-en",
      "win-back-en",
      "closure-en",
      "closure-da",
      "reservation-reminder-en",
      "new-menu-en",
    ]) {
      expect(getMessageTemplate(id), id).toBeDefined();
    }
    expect(getMessageTemplate("closure-da")?.category).toBe("transactional");
    expect(getMessageTemplate("reservation-reminder-en")?.category).toBe("transactional");
  });

  const latin = MESSAGE_TEMPLATES.filter((t) => t.language !== "ur");
  it.each(latin.map((t) => [t.id, t] as const))("%s is valid, GSM-7 and one segment for a typical guest", (_id, t) => {
    expect(validateTemplate(t.body)).toEqual([]);
    const stats = audienceStats(t.body, [typical, { ...typical, firstName: "" }]);
    expect(stats.encodings.ucs2).toBe(0);
    expect(stats.maxSegments).toBe(1);
    expect(renderTemplate(t.body, typical)).toContain("Cafe Rose");
  });

  // Urdu is UCS-2 whatever the wording: 70 characters fit one segment, 134 two.
  it.each(MESSAGE_TEMPLATES.filter((t) => t.language === "ur").map((t) => [t.id, t] as const))(
    "%s is valid and at most two UCS-2 segments for a typical guest",
    (_id, t) => {
      expect(validateTemplate(t.body)).toEqual([]);
      const stats = audienceStats(t.body, [typical, { ...typical, firstName: "" }]);
      expect(stats.maxSegments).toBeLessThanOrEqual(2);
      expect(renderTemplate(t.body, typical)).toContain("Cafe Rose");
    },
  );

  it("has each Urdu template's family in English too, so a choice fills every version", () => {
    for (const t of MESSAGE_TEMPLATES.filter((x) => x.language === "ur"))
      expect(MESSAGE_TEMPLATES.some((x) => x.family === t.family && x.language === "en")).toBe(true);
  });
});
