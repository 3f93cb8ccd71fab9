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

  it.each(MESSAGE_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s is valid, GSM-7 and one segment for a typical guest",
    (_id, t) => {
      expect(validateTemplate(t.body)).toEqual([]);
      const stats = audienceStats(t.body, [typical, { ...typical, firstName: "" }]);
      expect(stats.encodings.ucs2).toBe(0);
      expect(stats.maxSegments).toBe(1);
      expect(renderTemplate(t.body, typical)).toContain("Cafe Rose");
    },
  );
});
