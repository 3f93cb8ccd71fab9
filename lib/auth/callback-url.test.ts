import { describe, expect, it } from "vitest";
import { authRedirect, safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/contacts")).toBe("/contacts");
    expect(safeCallbackUrl("/history?status=failed&page=2#top")).toBe("/history?status=failed&page=2#top");
    expect(safeCallbackUrl("/contacts?q=S%C3%B8ren")).toBe("/contacts?q=S%C3%B8ren");
  });

  it("refuses every way of leaving the site, including a tab or newline after the first slash", () => {
    for (const attack of [
      "/\t/127.0.0.1:4650/_sandbox", // browsers drop the tab: //127.0.0.1:4650
      "/\n/evil.test",
      "/\r/evil.test",
      "/\u3000/evil.test",
      "//evil.test",
      "/\\evil.test",
      "/\\/evil.test",
      "https://evil.test/",
      "javascript:alert(1)",
      " /contacts",
      "/contacts\u0000",
      "/%09/127.0.0.1:4650/_sandbox".replace("%09", "\t"),
    ]) {
      expect(safeCallbackUrl(attack), JSON.stringify(attack)).toBe("/");
    }
  });

  it("never returns to the sign-in page or an API route, and ignores non-strings", () => {
    expect(safeCallbackUrl("/sign-in?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/contacts"])).toBe("/");
    expect(safeCallbackUrl(`/${"a".repeat(5000)}`)).toBe("/");
  });

  it("returns only printable ASCII, so it is always a valid Location header", () => {
    expect(safeCallbackUrl("/contacts?q=Søren")).toBe("/contacts?q=S%C3%B8ren");
  });
});

describe("authRedirect (Auth.js's redirect callback)", () => {
  const baseUrl = "http://localhost:3210";
  it("keeps same-origin targets, relative or absolute", () => {
    expect(authRedirect({ url: "/history", baseUrl })).toBe("http://localhost:3210/history");
    expect(authRedirect({ url: "http://localhost:3210/history?x=1", baseUrl })).toBe(
      "http://localhost:3210/history?x=1",
    );
  });

  it("sends every other target to the dashboard", () => {
    for (const url of [
      "/\t/127.0.0.1:4650/_sandbox",
      "http://localhost:3210/\t/127.0.0.1:4650/",
      "https://evil.test/",
      "http://localhost:3211/",
      "//evil.test",
      "/\n/x",
    ]) {
      expect(authRedirect({ url, baseUrl }), JSON.stringify(url)).toBe("http://localhost:3210/");
    }
  });

  it("takes the sign-in page when Auth.js sends there itself (errors)", () => {
    expect(authRedirect({ url: "http://localhost:3210/sign-in?error=CredentialsSignin&code=invalid", baseUrl })).toBe(
      "http://localhost:3210/sign-in?error=CredentialsSignin&code=invalid",
    );
  });
});
