import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, secretHint } from "./secret-box";

const KEY = "k".repeat(40);

describe("secret box", () => {
  it("round-trips a secret and never stores the plaintext", () => {
    const sealed = sealSecret("sk_live_0123456789abcdef", KEY);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("0123456789");
    expect(openSecret(sealed, KEY)).toBe("sk_live_0123456789abcdef");
    // A fresh IV each time: the same secret never encrypts to the same text.
    expect(sealSecret("sk_live_0123456789abcdef", KEY)).not.toBe(sealed);
  });

  it("refuses a tampered value or a different key with a clear error", () => {
    const sealed = sealSecret("token-abc", KEY);
    const parts = sealed.split(".");
    parts[2] = Buffer.from("token-abd").toString("base64url");
    expect(() => openSecret(parts.join("."), KEY)).toThrow("Providers.secrets.undecryptable");
    expect(() => openSecret(sealed, "x".repeat(40))).toThrow("Providers.secrets.undecryptable");
    expect(() => openSecret("garbage", KEY)).toThrow("Providers.secrets.damaged");
  });

  it("hints at a key by its last four characters only", () => {
    expect(secretHint("abcdefghijkl")).toBe("…ijkl");
    expect(secretHint("short")).toBe("…");
  });
});
