import { describe, expect, it } from "vitest";
import { renderTemplate } from "./merge-fields";
import { defaultOptOutFooter, optOutWarning, withOptOutFooter } from "./opt-out-footer";

describe("withOptOutFooter", () => {
  it("appends a short footer line in the chosen language", () => {
    expect(withOptOutFooter("Happy hour!\n", true)).toBe("Happy hour!\nStop: {opt_out_link}");
    expect(withOptOutFooter("Happy hour!", true, "da")).toBe("Happy hour!\nAfmeld: {opt_out_link}");
    expect(renderTemplate(withOptOutFooter("Hi", true), { optOutUrl: "https://cdr.dk/s/ab" })).toBe(
      "Hi\nStop: https://cdr.dk/s/ab",
    );
  });

  it("leaves the template alone when off or when the link is already in it", () => {
    expect(withOptOutFooter("Hi", false)).toBe("Hi");
    expect(withOptOutFooter("Hi. Opt out: {opt_out_link}", true)).toBe("Hi. Opt out: {opt_out_link}");
  });
});

describe("opt-out rules", () => {
  it("defaults the footer on for marketing only", () => {
    expect(defaultOptOutFooter("marketing")).toBe(true);
    expect(defaultOptOutFooter("transactional")).toBe(false);
  });

  it("warns about marketing without any opt-out, not about reminders", () => {
    expect(optOutWarning("2 for 1 tonight", "marketing", false)).toMatch(/opt out/);
    expect(optOutWarning("2 for 1 tonight", "marketing", true)).toBeNull();
    expect(optOutWarning("2 for 1. {opt_out_link}", "marketing", false)).toBeNull();
    expect(optOutWarning("Your table is ready", "transactional", false)).toBeNull();
  });
});
