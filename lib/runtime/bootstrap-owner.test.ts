import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { uniqueEmail } from "@/tests/support/factories";
import { bootstrapOwner, ownerBanner } from "./bootstrap-owner";

// Emptying the shared users table can deadlock with other test files' foreign-key checks; the transaction is
// then rolled back by Postgres and the test simply runs again.
describe("first-run owner", { retry: 3 }, () => {
  it("creates the owner only when there are no users, with a generated password to change", async () => {
    await getDb()
      .transaction(async (tx) => {
        // Rolled back below: other test files share this database, and the lock keeps their new users out
        // until then (a user inserted between the delete and the check would make this no longer a first run).
        await tx.execute(sql`lock table users in exclusive mode`);
        await tx.delete(users);
        const email = uniqueEmail("owner");
        const first = await bootstrapOwner(tx as never, { email: email.toUpperCase() });
        expect(first).toMatchObject({ created: true, email });
        const password = first.created ? first.generatedPassword! : "";
        const [owner] = await tx.select().from(users).where(eq(users.email, email));
        expect(owner).toMatchObject({ role: "owner", mustChangePassword: true, active: true });
        expect(await verifyPassword(owner!.passwordHash, password)).toBe(true);
        expect(ownerBanner(email, password)).toContain(password);

        expect(await bootstrapOwner(tx as never, { email: uniqueEmail(), password: "another password" })).toEqual({
          created: false,
        });
        tx.rollback();
      })
      .catch((err) => {
        if (!/rollback/i.test(String(err?.message))) throw err;
      });
  });

  it("uses ADMIN_PASSWORD as given, without forcing a change", async () => {
    await getDb()
      .transaction(async (tx) => {
        await tx.execute(sql`lock table users in exclusive mode`);
        await tx.delete(users);
        const email = uniqueEmail("owner");
        expect(await bootstrapOwner(tx as never, { email, password: "configured password" })).toEqual({
          created: true,
          email,
          generatedPassword: undefined,
        });
        const [owner] = await tx.select().from(users).where(eq(users.email, email));
        expect(owner?.mustChangePassword).toBe(false);
        expect(await verifyPassword(owner!.passwordHash, "configured password")).toBe(true);
        tx.rollback();
      })
      .catch((err) => {
        if (!/rollback/i.test(String(err?.message))) throw err;
      });
  });
});
