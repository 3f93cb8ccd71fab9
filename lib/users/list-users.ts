import "server-only";
import { asc } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: "owner" | "manager" | "staff";
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

/** Every staff account, active ones first, for the Users page (a restaurant has tens, not thousands). */
export async function listUsers(): Promise<UserRow[]> {
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name));
  return rows.sort((a, b) => Number(b.active) - Number(a.active));
}
