import "server-only";
import { createHash, randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/**
 * The confirmation link's token: 11 characters from 57 (~64 bits), short because it is part of an SMS, far
 * too many to guess. Only its hash is stored.
 */
export function newSignupToken(): string {
  return Array.from({ length: 11 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** The stored form of a token. */
export function hashSignupToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as the link can carry it; anything else is not looked up. */
export function isSignupToken(value: string): boolean {
  return /^[A-Za-z0-9]{8,32}$/.test(value);
}
