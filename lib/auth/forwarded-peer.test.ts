import { describe, expect, it } from "vitest";
import { clientAddressFor, peerKey, signPeer, verifyPeer } from "./forwarded-peer";

const key = peerKey("a test secret that is long enough 123");

describe("forwarded action peer address", () => {
  it("uses the socket's address, ignoring an invented X-Forwarded-For unless behind a trusted proxy", () => {
    expect(clientAddressFor({ "x-forwarded-for": "1.2.3.4" }, "203.0.113.9", false, key)).toBe("203.0.113.9");
    expect(clientAddressFor({ "x-forwarded-for": "1.2.3.4, 10.0.0.1" }, "10.0.0.1", true, key)).toBe("1.2.3.4");
  });

  it("restores the original client's address on Next's loopback hop", () => {
    const headers = {
      "x-action-forwarded": "1",
      "x-cafe-client-address": signPeer("203.0.113.9", key),
      "x-forwarded-for": "203.0.113.9",
    };
    expect(clientAddressFor(headers, "127.0.0.1", false, key)).toBe("203.0.113.9");
    expect(clientAddressFor(headers, "::ffff:127.0.0.1", false, key)).toBe("203.0.113.9");
    expect(clientAddressFor({ ...headers, "x-cafe-client-address": signPeer("::1", key) }, "::1", false, key)).toBe(
      "::1",
    );
  });

  it("refuses a forwarded marker from outside, unsigned, or signed with another key", () => {
    const signed = signPeer("203.0.113.9", key);
    expect(
      clientAddressFor({ "x-action-forwarded": "1", "x-cafe-client-address": signed }, "203.0.113.9", false, key),
    ).toBeNull();
    expect(clientAddressFor({ "x-action-forwarded": "1" }, "127.0.0.1", false, key)).toBeNull();
    expect(
      clientAddressFor(
        { "x-action-forwarded": "1", "x-cafe-client-address": "127.0.0.1 forged" },
        "127.0.0.1",
        false,
        key,
      ),
    ).toBeNull();
    const other = signPeer("203.0.113.9", peerKey("another secret"));
    expect(
      clientAddressFor({ "x-action-forwarded": "1", "x-cafe-client-address": other }, "127.0.0.1", false, key),
    ).toBeNull();
    expect(verifyPeer(signed.replace("203.0.113.9", "203.0.113.8"), key)).toBeNull();
  });
});
