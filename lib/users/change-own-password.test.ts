import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { insertUser } from "@/tests/support/factories";
import { changeOwnPassword } from "./change-own-password";

const load = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0]!;

describe("changeOwnPassword throttle", () => {
  // The attack: a stolen session guessed the current password without limit, then took over the account.
  it("stops checking the current password after 5 wrong ones, even the right one, and says when to try again", async () => {
    const user = await insertUser({ password: "old password 1" });
    const errors: AppError[] = [];
    for (let i = 0; i < 8; i++) {
      errors.push(
        await changeOwnPassword(getDb(), user.id, `guess ${i}`, "new password 1", "192.0.2.1").catch((e) => e),
      );
    }
    expect(errors.slice(0, 5).map((e) => e.message)).toEqual(Array(5).fill("Account.password.errors.wrongCurrent"));
    expect(errors[7]).toBeInstanceOf(AppError);
    expect(errors[7]!.code).toBe("RATE_LIMITED");
    expect(errors[7]!.message).toBe("Account.password.errors.throttled");
    expect(String(errors[7]!.values!.minutes)).toMatch(/^1[45]$/);

    const refused = await changeOwnPassword(getDb(), user.id, "old password 1", "new password 1", "192.0.2.1").catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe("RATE_LIMITED");
    expect(await verifyPassword((await load(user.id)).passwordHash, "old password 1")).toBe(true);
  });

  it("checks at most 5 of 12 parallel guesses", async () => {
    const user = await insertUser({ password: "old password 1" });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        changeOwnPassword(getDb(), user.id, `guess ${i}`, "new password 1", "192.0.2.1").catch((e) => e),
      ),
    );
    expect(results.filter((e) => e.code === "INVALID_INPUT")).toHaveLength(5);
    expect(results.filter((e) => e.code === "RATE_LIMITED")).toHaveLength(7);
  });

  it("a right current password clears earlier mistakes", async () => {
    const user = await insertUser({ password: "old password 1" });
    for (let i = 0; i < 4; i++)
      await changeOwnPassword(getDb(), user.id, `guess ${i}`, "new password 1").catch(() => {});
    await changeOwnPassword(getDb(), user.id, "old password 1", "new password 1");
    await changeOwnPassword(getDb(), user.id, "wrong again", "new password 2").catch(() => {});
    await changeOwnPassword(getDb(), user.id, "new password 1", "new password 2");
    expect(await verifyPassword((await load(user.id)).passwordHash, "new password 2")).toBe(true);
  });
});
