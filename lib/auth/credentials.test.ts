import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { authorizeCredentials } from "./credentials";
import { AccountDeactivated, InvalidCredentials, SignInThrottled } from "./sign-in-errors";
import { MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL } from "./throttle";

const request = (address = `192.0.2.${Math.floor(Math.random() * 250)}`) =>
  new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-forwarded-for": address } });

describe("authorizeCredentials", () => {
  it("signs in with the right password, case-insensitively on the email, and records the sign-in", async () => {
    const user = await insertUser({ password: "right password 1" });
    const result = await authorizeCredentials(
      { email: user.email.toUpperCase(), password: "right password 1" },
      request(),
    );
    expect(result).toMatchObject({ id: user.id, email: user.email, sessionVersion: 1 });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    const user = await insertUser({ password: "right password 1" });
    await expect(authorizeCredentials({ email: user.email, password: "wrong" }, request())).rejects.toBeInstanceOf(
      InvalidCredentials,
    );
    await expect(
      authorizeCredentials({ email: "nobody@example.test", password: "x" }, request()),
    ).rejects.toBeInstanceOf(InvalidCredentials);
    await expect(authorizeCredentials({ email: 42, password: null }, request())).rejects.toBeInstanceOf(
      InvalidCredentials,
    );
  });

  it("tells a deactivated user (with the right password) that the account is deactivated", async () => {
    const user = await insertUser({ password: "right password 1", active: false });
    await expect(
      authorizeCredentials({ email: user.email, password: "right password 1" }, request()),
    ).rejects.toBeInstanceOf(AccountDeactivated);
  });

  it("throttles after repeated failures, even for the right password", async () => {
    const user = await insertUser({ password: "right password 1" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await expect(
        authorizeCredentials({ email: user.email, password: `guess ${i}` }, request()),
      ).rejects.toBeInstanceOf(InvalidCredentials);
    }
    const err = await authorizeCredentials({ email: user.email, password: "right password 1" }, request()).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(SignInThrottled);
    expect((err as SignInThrottled).code).toBe("throttled");
  });

  // The attack: parallel guesses all passed a count-then-check throttle before any failure was recorded.
  it("checks at most 5 passwords of 15 parallel attempts on one email", async () => {
    const user = await insertUser({ password: "right password 1" });
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        authorizeCredentials({ email: user.email, password: `guess ${i}` }, request()).catch((e) => e),
      ),
    );
    const checked = results.filter((e) => e instanceof InvalidCredentials).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((e) => e instanceof SignInThrottled).length).toBe(15 - checked);
  });

  it("checks at most 20 passwords of 30 parallel attempts from one address", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authorizeCredentials(
          { email: `nobody-${i}-${Math.random()}@example.test`, password: "guess" },
          request(address),
        ).catch((e) => e),
      ),
    );
    const checked = results.filter((e) => e instanceof InvalidCredentials).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_CLIENT);
    expect(results.filter((e) => e instanceof SignInThrottled).length).toBe(30 - checked);
  });
});
