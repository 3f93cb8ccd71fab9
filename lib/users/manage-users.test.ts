import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/drizzle/schema";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { insertUser, uniqueEmail } from "@/tests/support/factories";
import { changeOwnPassword } from "./change-own-password";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "./manage-users";

const load = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0]!;

describe("user management", () => {
  it("creates a user with a generated temporary password that must be changed", async () => {
    const owner = await insertUser({ role: "owner" });
    const email = uniqueEmail("new");
    const { id, temporaryPassword } = await createUser(getDb(), owner, { name: "Ayesha", email, role: "manager" });
    const row = await load(id);
    expect(row).toMatchObject({ email, role: "manager", mustChangePassword: true, createdById: owner.id });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    expect(await verifyPassword(row.passwordHash, temporaryPassword!)).toBe(true);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toContain("user.created");
  });

  it("refuses a second account for the same email", async () => {
    const owner = await insertUser({ role: "owner" });
    const existing = await insertUser();
    const err = await createUser(getDb(), owner, {
      name: "X",
      email: existing.email,
      role: "staff",
      password: "a long password",
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
  });

  it("lets an owner change another owner's role but not their own, nor deactivate themselves", async () => {
    const ownerA = await insertUser({ role: "owner" });
    const ownerB = await insertUser({ role: "owner" });
    await changeUserRole(getDb(), ownerA, ownerB.id, "manager");
    expect((await load(ownerB.id)).role).toBe("manager");
    await expect(changeUserRole(getDb(), ownerA, ownerA.id, "staff")).rejects.toThrow("Settings.users.errors.ownRole");
    await expect(setUserActive(getDb(), ownerA, ownerA.id, false)).rejects.toThrow(
      "Settings.users.errors.ownDeactivate",
    );
  });

  // Other test files add owners to the same database meanwhile: the lock keeps them out until the rollback, and
  // a deadlock with their foreign-key checks just means another try.
  it("refuses to demote or deactivate the last active owner", { retry: 3 }, async () => {
    const db = getDb();
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`lock table users in exclusive mode`);
        // Inside a rolled-back transaction, make one owner the only active one.
        const [only] = await tx
          .insert(users)
          .values({ email: uniqueEmail("only"), name: "Only", role: "owner", passwordHash: "x" })
          .returning();
        await tx.update(users).set({ active: false }).where(eq(users.role, "owner"));
        await tx.update(users).set({ active: true }).where(eq(users.id, only!.id));
        const manager = { id: "00000000-0000-0000-0000-000000000000" };
        await expect(changeUserRole(tx as never, manager, only!.id, "staff")).rejects.toThrow(
          "Settings.users.errors.lastOwner",
        );
        await expect(setUserActive(tx as never, manager, only!.id, false)).rejects.toThrow(
          "Settings.users.errors.lastOwner",
        );
        tx.rollback();
      })
      .catch((err) => {
        if (!/rollback/i.test(String(err?.message))) throw err;
      });
  });

  it("deactivation and password reset end existing sessions", async () => {
    const owner = await insertUser({ role: "owner" });
    const user = await insertUser();
    await setUserActive(getDb(), owner, user.id, false);
    expect(await load(user.id)).toMatchObject({ active: false, sessionVersion: 2 });
    await setUserActive(getDb(), owner, user.id, true);
    const { temporaryPassword } = await resetUserPassword(getDb(), owner, user.id);
    const row = await load(user.id);
    expect(row).toMatchObject({ active: true, sessionVersion: 4, mustChangePassword: true });
    expect(await verifyPassword(row.passwordHash, temporaryPassword)).toBe(true);
  });

  it("reports unknown users clearly", async () => {
    const owner = await insertUser({ role: "owner" });
    await expect(setUserActive(getDb(), owner, "7a0c8f4e-1b2d-4c3e-9f00-000000000000", false)).rejects.toThrow(
      "Settings.users.errors.notFound",
    );
  });

  it("changes one's own password only with the current one", async () => {
    const user = await insertUser({ password: "old password 1" });
    await expect(changeOwnPassword(getDb(), user.id, "wrong", "new password 1")).rejects.toThrow(
      "Account.password.errors.wrongCurrent",
    );
    await changeOwnPassword(getDb(), user.id, "old password 1", "new password 1");
    const row = await load(user.id);
    expect(await verifyPassword(row.passwordHash, "new password 1")).toBe(true);
    expect(row).toMatchObject({ sessionVersion: 2, mustChangePassword: false });
  });
});
