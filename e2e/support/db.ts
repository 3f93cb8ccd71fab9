import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { E2E } from "./config";

/** A direct connection to the e2e server's embedded database, for seeding and for checking outcomes. */
export async function withE2eDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { postgresPassword } = JSON.parse(fs.readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8"));
  const client = new pg.Client({
    connectionString: `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${E2E.embeddedPgPort}/cafe`,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type SeededUser = { id: string; email: string; password: string; name: string };

/** Inserts a user with a known password (tests that are not about creating users start from here). */
export async function seedUser(role: "owner" | "manager" | "staff", options: { mustChangePassword?: boolean } = {}) {
  const email = `${role}-${randomBytes(4).toString("hex")}@cafe.test`;
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const name = `${role[0]!.toUpperCase()}${role.slice(1)} ${randomBytes(2).toString("hex")}`;
  const passwordHash = await hashPassword(password);
  const id = await withE2eDb(async (db) => {
    const { rows } = await db.query(
      "insert into users (email, name, role, password_hash, must_change_password) values ($1, $2, $3, $4, $5) returning id",
      [email, name, role, passwordHash, options.mustChangePassword ?? false],
    );
    return rows[0].id as string;
  });
  return { id, email, password, name } satisfies SeededUser;
}
