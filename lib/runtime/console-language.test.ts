import { describe, expect, it } from "vitest";
import { ownerBanner } from "./bootstrap-owner";
import { consoleTranslator } from "./console-language";

describe("the launcher's words", () => {
  it("follow the machine's locale: Danish for da_DK, English otherwise", () => {
    const danish = ownerBanner("ejer@cafe.dk", "hemmelig-kode", consoleTranslator({ LANG: "da_DK.UTF-8" }));
    expect(danish).toContain("Ejerkontoen til restauranten er oprettet:");
    expect(danish).toMatch(/Adgangskode:\s+hemmelig-kode/);
    const english = ownerBanner("owner@cafe.dk", "secret", consoleTranslator({ LANG: "C.UTF-8" }));
    expect(english).toContain("Owner account created for this restaurant:");
    expect(english).toMatch(/Password:\s+secret/);
    expect(consoleTranslator({ LC_ALL: "da_DK.UTF-8", LANG: "en_US.UTF-8" })("Console.buildFinished")).toBe(
      "Build færdig.",
    );
    expect(consoleTranslator({})("Console.buildFinished")).toBe("Build finished.");
  });
});
