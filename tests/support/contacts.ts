import { randomInt } from "node:crypto";

let counter = randomInt(0, 8_000_000);

/** A fresh valid Danish mobile number (+45 2xxxxxxx), unlikely to collide with other test files. */
export function uniqueDkPhone(): string {
  counter = (counter + randomInt(1, 997)) % 9_999_999;
  return `+452${String(counter).padStart(7, "0")}`;
}

/** A unique word for names and tags, so filters in a shared database only see this test's rows. */
export function uniqueWord(prefix = "t"): string {
  return `${prefix}${randomInt(0, 2 ** 40).toString(36)}`;
}
