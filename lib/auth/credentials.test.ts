import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { authorizeCredentials } from "./credentials";
import { AccountDeactivated, InvalidCredentials, SignInThrottled } from "./sign-in-errors";
import { MAX_FAILURES_PER_EMAIL } from "./throttle";

const request = (address = `192.0.2.${Math.floor(Math.random() * 250)}`) =>
  new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-forwarded-for": address } });

describe("authorizeCredentials", () => {
  it("signs in with the right password, case-insensitively on the email, and records the sign-in", async () => {
    const user = await insertUser({ password: "right password 1" });
    const result = await authorizeCredentials({ email: user.email.toUpperCase(), password: "right password 1" }, request());
    expect(result).toMatchObject({ id: user.id, email: user.email, sessionVersion: 1 });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    const user = await insertUser({ password: "right password 1" });
    await expect(authorizeCredentials({ email: user.email, password: "wrong" }, request())).rejects.toBeInstanceOf(InvalidCredentials);
    await expect(authorizeCredentials({ email: "nobody@example.test", password: "x" }, request())).rejects.toBeInstanceOf(
      InvalidCredentials,
    );
    await expect(authorizeCredentials({ email: 42, password: null }, request())).rejects.toBeInstanceOf(InvalidCredentials);
  });

  it("tells a deactivated user (with the right password) that the account is deactivated", async () => {
    const user = await insertUser({ password: "right password 1", active: false });
    await expect(authorizeCredentials({ email: user.email, password: "right password 1" }, request())).rejects.toBeInstanceOf(
      AccountDeactivated,
    );
  });

  it("throttles after repeated failures, even for the right password", async () => {
    const user = await insertUser({ password: "right password 1" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await expect(authorizeCredentials({ email: user.email, password: `guess ${i}` }, request())).rejects.toBeInstanceOf(
        InvalidCredentials,
      );
    }
    const err = await authorizeCredentials({ email: user.email, password: "right password 1" }, request()).catch((e) => e);
    expect(err).toBeInstanceOf(SignInThrottled);
    expect((err as SignInThrottled).code).toBe("throttled");
  });
});
