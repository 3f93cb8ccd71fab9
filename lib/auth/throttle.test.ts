import { describe, expect, it } from "vitest";
import { signInAttempts } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { uniqueEmail } from "@/tests/support/factories";
import {
  checkSignInThrottle,
  MAX_FAILURES_PER_CLIENT,
  MAX_FAILURES_PER_EMAIL,
  purgeOldSignInAttempts,
  recordSignInAttempt,
  THROTTLE_WINDOW_MS,
  throttledPasswordCheck,
  throttleMessage,
} from "./throttle";

const uniqueAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("sign-in throttling", () => {
  it("locks an email after repeated failures, whatever the address", async () => {
    const db = getDb();
    const email = uniqueEmail();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordSignInAttempt(db, email, uniqueAddress(), false);
    expect(await checkSignInThrottle(db, email, uniqueAddress())).toEqual({ limited: false });

    await recordSignInAttempt(db, email, uniqueAddress(), false);
    const state = await checkSignInThrottle(db, email, uniqueAddress());
    expect(state).toMatchObject({ limited: true, scope: "email" });
    if (state.limited) {
      expect(state.retryAfterMs).toBeGreaterThan(THROTTLE_WINDOW_MS - 60_000);
      expect(state.retryAfterMs).toBeLessThanOrEqual(THROTTLE_WINDOW_MS);
    }
  });

  it("forgets an email's earlier failures after a successful sign-in", async () => {
    const db = getDb();
    const email = uniqueEmail();
    const address = uniqueAddress();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordSignInAttempt(db, email, address, false);
    await recordSignInAttempt(db, email, address, true);
    await recordSignInAttempt(db, email, address, false);
    expect(await checkSignInThrottle(db, email, address)).toEqual({ limited: false });
  });

  it("locks a client address that tries many emails", async () => {
    const db = getDb();
    const address = uniqueAddress();
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) await recordSignInAttempt(db, uniqueEmail(), address, false);
    expect(await checkSignInThrottle(db, uniqueEmail(), address)).toMatchObject({ limited: true, scope: "client" });
    expect(await checkSignInThrottle(db, uniqueEmail(), uniqueAddress())).toEqual({ limited: false });
  });

  it("lifts the lock once the window has passed", async () => {
    const db = getDb();
    const email = uniqueEmail();
    const address = uniqueAddress();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordSignInAttempt(db, email, address, false);
    const later = new Date(Date.now() + THROTTLE_WINDOW_MS + 1000);
    expect(await checkSignInThrottle(db, email, address, later)).toEqual({ limited: false });
  });

  it("purges attempts older than a day and keeps recent ones", async () => {
    const db = getDb();
    const email = uniqueEmail();
    await db.insert(signInAttempts).values([
      { email, clientAddress: "x", succeeded: false, createdAt: new Date(Date.now() - 2 * 24 * 3600_000) },
      { email, clientAddress: "x", succeeded: false },
    ]);
    expect(await purgeOldSignInAttempts(db)).toBeGreaterThanOrEqual(1);
    const rows = await db.query.signInAttempts.findMany({ where: (t, { eq }) => eq(t.email, email) });
    expect(rows).toHaveLength(1);
  });

  it("says when to try again in whole minutes", () => {
    expect(throttleMessage(61_000).values).toEqual({ minutes: 2 });
    expect(throttleMessage(5_000).values).toEqual({ minutes: 1 });
  });

  it("runs at most the limit of password checks for parallel attempts, in-flight ones counting", async () => {
    const db = getDb();
    const email = uniqueEmail();
    let checks = 0;
    const slowWrongCheck = async () => {
      checks++;
      await new Promise((r) => setTimeout(r, 50));
      return false;
    };
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        throttledPasswordCheck(db, { kind: "sign-in", email, clientAddress: uniqueAddress() }, slowWrongCheck),
      ),
    );
    expect(checks).toBe(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((r) => r.limited)).toHaveLength(15 - MAX_FAILURES_PER_EMAIL);
  });

  it("records a right password as a success, which clears the email's failures", async () => {
    const db = getDb();
    const email = uniqueEmail();
    const address = uniqueAddress();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      expect(
        await throttledPasswordCheck(db, { kind: "sign-in", email, clientAddress: address }, async () => false),
      ).toEqual({
        limited: false,
        ok: false,
      });
    }
    expect(
      await throttledPasswordCheck(db, { kind: "sign-in", email, clientAddress: address }, async () => true),
    ).toEqual({
      limited: false,
      ok: true,
    });
    expect(await checkSignInThrottle(db, email, address)).toEqual({ limited: false });
  });

  it("keeps password-change failures apart from sign-in failures, and limits them per email", async () => {
    const db = getDb();
    const email = uniqueEmail();
    let checks = 0;
    const attempt = { kind: "password-change" as const, email, clientAddress: uniqueAddress() };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        throttledPasswordCheck(db, attempt, async () => {
          checks++;
          return false;
        }),
      ),
    );
    expect(checks).toBe(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((r) => r.limited && r.scope === "email")).toHaveLength(8 - MAX_FAILURES_PER_EMAIL);
    expect(await checkSignInThrottle(db, email, uniqueAddress())).toEqual({ limited: false });
    expect(await checkSignInThrottle(db, email, uniqueAddress(), new Date(), "password-change")).toMatchObject({
      limited: true,
    });
  });
});
