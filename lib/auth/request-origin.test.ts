import { describe, expect, it } from "vitest";
import { authOrigin } from "./request-origin";

describe("authOrigin", () => {
  it("never answers with the listening address 0.0.0.0: the browser's Host header wins", () => {
    expect(authOrigin("http://0.0.0.0:3000/api/auth/signout", "localhost:3000", undefined)).toBe(
      "http://localhost:3000",
    );
    expect(authOrigin("http://0.0.0.0:3000/api/auth/signout", "192.168.1.20:3000", undefined)).toBe(
      "http://192.168.1.20:3000",
    );
  });

  it("uses PUBLIC_URL when set", () => {
    expect(authOrigin("http://0.0.0.0:3000/api/auth/signin", "10.0.0.5:3000", "https://sms.restaurant.dk/")).toBe(
      "https://sms.restaurant.dk",
    );
  });

  it("keeps the request's own origin for a missing or odd Host header", () => {
    expect(authOrigin("http://127.0.0.1:3000/x", null, undefined)).toBe("http://127.0.0.1:3000");
    expect(authOrigin("http://127.0.0.1:3000/x", "evil.test/path", undefined)).toBe("http://127.0.0.1:3000");
    expect(authOrigin("http://127.0.0.1:3000/x", "a b", undefined)).toBe("http://127.0.0.1:3000");
  });
});
