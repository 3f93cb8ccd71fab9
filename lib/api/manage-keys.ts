import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { apiKeys, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateApiKeyInput } from "@/lib/validation/api-keys";
import { newApiKey } from "./key-secret";
import type { ApiScope } from "./scopes";

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every API key, newest first, revoked ones included (the list says so); never the secret or its hash. */
export async function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdBy: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

/**
 * Creates a key (owners): returns the secret, which exists only in this answer; the database keeps its hash.
 * Recorded in the audit log with its name, prefix and scopes.
 */
export async function createApiKey(
  db: Database,
  actor: { id: string },
  input: CreateApiKeyInput,
): Promise<{ id: string; name: string; prefix: string; secret: string }> {
  const key = newApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: key.prefix,
        secretHash: key.hash,
        scopes: input.scopes,
        createdById: actor.id,
      })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "api_key.created",
      targetType: "api_key",
      targetId: row!.id,
      details: { name: input.name, prefix: key.prefix, scopes: input.scopes },
    });
    return { id: row!.id, name: input.name, prefix: key.prefix, secret: key.secret };
  });
}

/** Revokes a key at once: its next call gets 401. Revoking twice is refused, so the audit log has one entry. */
export async function revokeApiKey(db: Database, actor: { id: string }, id: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, revokedById: actor.id })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) throw new AppError("NOT_FOUND", "Settings.apiKeys.errors.alreadyRevoked");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: id,
      details: { name: row.name, prefix: row.prefix },
    });
    return { name: row.name };
  });
}
