import { randomInt } from "node:crypto";

let counter = randomInt(0, 1_000_000);

/** A fresh valid Danish mobile number (+45 26xxxxxx: every number in that block is a valid mobile). */
export function uniqueDkPhone(): string {
  counter = (counter + randomInt(1, 997)) % 1_000_000;
  return `+4526${String(counter).padStart(6, "0")}`;
}

/** A unique word for names and tags, so filters in a shared database only see this test's rows. */
export function uniqueWord(prefix = "t"): string {
  return `${prefix}${randomInt(0, 2 ** 40).toString(36)}`;
}
