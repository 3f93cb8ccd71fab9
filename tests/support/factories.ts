import { randomBytes } from "node:crypto";
import { type UserRole, users } from "@/drizzle/schema";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

/** A unique email, so test files sharing one database never collide. */
export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.test`;
}

/** Inserts a user directly (bypassing actions) for tests that need one in a given state. */
export async function insertUser(
  overrides: { role?: UserRole; password?: string; active?: boolean; email?: string } = {},
) {
  const email = overrides.email ?? uniqueEmail(overrides.role ?? "staff");
  const [row] = await getDb()
    .insert(users)
    .values({
      email,
      name: `Test ${overrides.role ?? "staff"}`,
      role: overrides.role ?? "staff",
      active: overrides.active ?? true,
      passwordHash: await hashPassword(overrides.password ?? "correct horse battery"),
    })
    .returning();
  return row!;
}
