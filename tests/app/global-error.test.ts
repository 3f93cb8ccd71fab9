import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "@/app/global-error";

describe("the page shown when the root layout fails", () => {
  it("says so in the catalogue's words, with the reference to quote and a way to try again, never the error's text", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: "1234567890" });
    const html = renderToStaticMarkup(createElement(GlobalError, { error, reset: () => {} }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Cafe de Revenue could not be shown");
    expect(html).toContain("1234567890");
    expect(html).toContain(">Try again</button>");
    expect(html).not.toContain("ECONNREFUSED");
  });
});
