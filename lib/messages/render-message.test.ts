import { describe, expect, it } from "vitest";
import { renderMessage } from "./render-message";

describe("renderMessage", () => {
  const ahmed = { firstName: "Ahmed", restaurant: "Cafe Rose", optOutUrl: "https://cdr.dk/s/ahm3d9" };

  it("renders the template with the footer and the guest's own opt-out link", () => {
    expect(renderMessage("Hi {first_name|there}! 2 for 1 at {restaurant}.", ahmed, { optOutFooter: true })).toBe(
      "Hi Ahmed! 2 for 1 at Cafe Rose.\nStop: https://cdr.dk/s/ahm3d9",
    );
    expect(
      renderMessage(
        "Hej {first_name|der}!",
        { ...ahmed, firstName: null },
        { optOutFooter: true, footerLanguage: "da" },
      ),
    ).toBe("Hej der!\nAfmeld: https://cdr.dk/s/ahm3d9");
  });

  it("leaves the footer off when asked", () => {
    expect(renderMessage("Your table is ready, {first_name|there}.", ahmed, { optOutFooter: false })).toBe(
      "Your table is ready, Ahmed.",
    );
  });
});
