import { describe, expect, it } from "vitest";
import { SOURCE_SLUG, slugify } from "./source-slug";

describe("a sign-up source's link segment", () => {
  it("reads Danish letters as Danes spell them without them, and drops the rest of the accents", () => {
    expect(slugify("Bord 4 på terrassen")).toBe("bord-4-paa-terrassen");
    expect(slugify("Smørrebrød & øl")).toBe("smoerrebroed-oel");
    expect(slugify("Æbleskiver-kort")).toBe("aebleskiver-kort");
    expect(slugify("Café Crème")).toBe("cafe-creme");
    expect(slugify("Kvittering (Åben)")).toBe("kvittering-aaben");
  });

  it("is short, and always a segment /join/<slug> accepts (or empty)", () => {
    for (const name of ["A".repeat(80), "--Table--", "   ", "!!!", "Tent 12 – window"]) {
      const slug = slugify(name);
      expect(slug === "" || SOURCE_SLUG.test(slug)).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(40);
    }
  });
});
