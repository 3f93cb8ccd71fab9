import { randomInt } from "node:crypto";

/**
 * Numbers handed out: +45 22–25 followed by 1xxxxx–9xxxxx (3.6 million). No test writes those blocks by hand (they
 * use 20, 21, 26–29), and a 0 after 22–25 would make the number invalid in libphonenumber's Danish plan.
 */
const PER_BLOCK = 900_000;
const SPACE = 4 * PER_BLOCK;
let counter = randomInt(0, SPACE);

/**
 * A fresh valid Danish number that takes texts, unique within a test file and, with 3.6 million to draw from and
 * a random start per file, very unlikely to be another file's (the test files share one database).
 */
export function uniqueDkPhone(): string {
  counter = (counter + randomInt(1, 997)) % SPACE;
  return `+452${2 + Math.floor(counter / PER_BLOCK)}${100_000 + (counter % PER_BLOCK)}`;
}

/** A unique word for names and tags, so filters in a shared database only see this test's rows. */
export function uniqueWord(prefix = "t"): string {
  return `${prefix}${randomInt(0, 2 ** 40).toString(36)}`;
}
