import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Next forwards a server action posted to a page that doesn't hold it over loopback (x-action-forwarded), so
 * the hop arrives from 127.0.0.1. Our server stamps every request with its client address signed by this key;
 * on the hop it restores that address, and refuses a "forwarded" request it did not sign.
 */
export const PEER_HEADER = "x-cafe-client-address";
/** The marker Next puts on an action request it forwards to another page's handler. */
export const ACTION_FORWARDED_HEADER = "x-action-forwarded";

/** The signing key: from AUTH_SECRET (shared by every web process of an instance), else random per process. */
export function peerKey(authSecret: string | undefined): Buffer {
  const seed = authSecret ?? randomBytes(32).toString("hex");
  return createHmac("sha256", seed).update("forwarded client address").digest();
}

/** `address` with its signature, for PEER_HEADER. */
export function signPeer(address: string, key: Buffer): string {
  return `${address} ${mac(address, key)}`;
}

/** The address in a PEER_HEADER value when its signature is ours, else null. */
export function verifyPeer(value: string | string[] | undefined, key: Buffer): string | null {
  if (typeof value !== "string") return null;
  const space = value.lastIndexOf(" ");
  if (space <= 0) return null;
  const address = value.slice(0, space);
  const given = Buffer.from(value.slice(space + 1));
  const expected = Buffer.from(mac(address, key));
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}

/** True for a loopback peer (where Next's own forwarding hop comes from). */
export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));
}

/**
 * The client address to throttle on for one incoming request, or null to refuse it: a request marked as
 * forwarded by Next must come over loopback with our signed address (anything else is forged).
 */
export function clientAddressFor(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  trustProxy: boolean,
  key: Buffer,
): string | null {
  if (headers[ACTION_FORWARDED_HEADER] !== undefined) {
    return isLoopback(socketAddress) ? verifyPeer(headers[PEER_HEADER], key) : null;
  }
  const forwardedFor = headers["x-forwarded-for"];
  const fromProxy = trustProxy && typeof forwardedFor === "string" ? forwardedFor.split(",")[0]?.trim() : undefined;
  return fromProxy || socketAddress || "unknown";
}

function mac(address: string, key: Buffer) {
  return createHmac("sha256", key).update(address).digest("base64url");
}
