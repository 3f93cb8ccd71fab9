import "server-only";
import { randomInt } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 iterations): ~16 ms per hash on our machines.
// `Algorithm` is an ambient const enum (unusable with isolatedModules); 2 is its Argon2id member.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash; with no hash, spends the same time and returns false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
  try {
    return await verify(storedHash ?? (await dummyHash), password);
  } catch {
    return false; // a malformed stored hash is a failed check, not a crash
  }
}

// No 0/O, 1/l/I: generated passwords are read off a screen and typed on a phone.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A strong random password, grouped for readability: 4 groups of 5 characters (~115 bits). */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}
