import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { contacts, type Group, groupMembers, groups } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { type ContactSelection, contactSelectionSql } from "@/lib/contacts/contact-filter";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { logger } from "@/lib/logger";
import { getCpsmsClient } from "@/lib/providers/provider-clients";
import { isProviderError } from "@/lib/sms/errors";
import { type CpsmsOp, linkedGroupOps, unlinkGroupFromCpsms } from "./cpsms-sync";

type Actor = Pick<CurrentUser, "id">;

export type GroupListItem = Pick<
  Group,
  "id" | "name" | "description" | "cpsmsGroupId" | "cpsmsSyncedAt" | "createdAt"
> & {
  members: number;
  consented: number;
};

/** Every group's id and name, alphabetically (for pickers; no counting). */
export async function listGroupNames(
  db: Database,
): Promise<{ id: string; name: string; cpsmsGroupId: number | null }[]> {
  return db
    .select({ id: groups.id, name: groups.name, cpsmsGroupId: groups.cpsmsGroupId })
    .from(groups)
    .orderBy(asc(sql`lower(${groups.name})`));
}

/** Every group with its member counts (all members, and those who may receive marketing), in one grouped query. */
export async function listGroups(db: Database, onlyId?: string): Promise<GroupListItem[]> {
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      description: groups.description,
      cpsmsGroupId: groups.cpsmsGroupId,
      cpsmsSyncedAt: groups.cpsmsSyncedAt,
      createdAt: groups.createdAt,
    })
    .from(groups)
    .where(onlyId ? eq(groups.id, onlyId) : undefined)
    .orderBy(asc(sql`lower(${groups.name})`));
  if (rows.length === 0) return [];
  const counts = await db.execute<{ group_id: string; members: number; consented: number }>(sql`
    select gm.group_id, count(*)::int as members, count(*) filter (where c.consent_state = 'granted')::int as consented
    from ${groupMembers} gm join ${contacts} c on c.id = gm.contact_id
    ${onlyId ? sql`where gm.group_id = ${onlyId}` : sql``}
    group by gm.group_id`);
  const byGroup = new Map(counts.rows.map((r) => [r.group_id, r]));
  return rows.map((r) => ({
    ...r,
    members: byGroup.get(r.id)?.members ?? 0,
    consented: byGroup.get(r.id)?.consented ?? 0,
  }));
}

/** One group with its counts, or null. */
export async function getGroup(db: Database, id: string): Promise<GroupListItem | null> {
  const [group] = await listGroups(db, id);
  return group ?? null;
}

function isUniqueViolation(err: unknown) {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Creates a group; names are unique ignoring case. */
export async function createGroup(db: Database, actor: Actor, input: { name: string; description?: string }) {
  try {
    const [row] = await db
      .insert(groups)
      .values({ name: input.name.trim(), description: input.description?.trim() ?? "", createdById: actor.id })
      .returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "Groups.errors.nameTaken", { name: input.name.trim() });
    throw err;
  }
}

/**
 * Renames a group, and its CPSMS group when linked. The rename here stands even if CPSMS can't be reached; the
 * returned note says so (CPSMS keeps the old name until the next rename).
 */
export async function renameGroup(
  db: Database,
  _actor: Actor,
  id: string,
  name: string,
): Promise<{ note: string | null }> {
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  if (!group) throw new AppError("NOT_FOUND", "Groups.errors.notFound");
  try {
    await db.update(groups).set({ name: name.trim() }).where(eq(groups.id, id));
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "Groups.errors.nameTaken", { name: name.trim() });
    throw err;
  }
  if (group.cpsmsGroupId === null) return { note: null };
  try {
    await (await getCpsmsClient(db)).updateGroup(group.cpsmsGroupId, name.trim());
    return { note: null };
  } catch (err) {
    logger.warn({ err, group: id }, "cpsms group rename failed");
    return {
      note: await localizeMessage("Groups.cpsms.renameFailed", {
        error: await localizeMessage(isProviderError(err) ? err.userMessage : "Groups.cpsms.unreachable"),
      }),
    };
  }
}

/** Deletes a group (its members stay in the guest book); a linked CPSMS group is emptied and deleted first. */
export async function deleteGroup(db: Database, actor: Actor, id: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  if (!group) return;
  if (group.cpsmsGroupId !== null) await unlinkGroupFromCpsms(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(groups).where(eq(groups.id, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "group.delete",
      targetType: "group",
      targetId: id,
      details: { name: group.name },
    });
  });
}

async function requireGroup(db: Pick<Database, "select">, groupId: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1);
  if (!group) throw new AppError("NOT_FOUND", "Groups.errors.notFound");
  return group;
}

/**
 * Adds the selected contacts to a group in one statement (already-members are left alone). Returns how many
 * joined and the CPSMS changes to push when the group is linked.
 */
export async function addToGroup(
  db: Database,
  groupId: string,
  selection: ContactSelection,
): Promise<{ added: number; cpsmsOps: CpsmsOp[] }> {
  return db.transaction(async (tx) => {
    const group = await requireGroup(tx, groupId);
    const inserted = await tx.execute<{ contact_id: string }>(sql`
      insert into ${groupMembers} (group_id, contact_id)
      select ${groupId}::uuid, ${contacts.id} from ${contacts} where ${contactSelectionSql(selection)}
      on conflict do nothing
      returning contact_id`);
    const ids = inserted.rows.map((r) => r.contact_id);
    const cpsmsOps =
      group.cpsmsGroupId !== null && ids.length
        ? await linkedGroupOps(tx, sql`${contacts.id} = any(${sql.param(ids)}::uuid[])`, "add", groupId)
        : [];
    return { added: ids.length, cpsmsOps };
  });
}

/** Removes the selected contacts from a group; returns how many left and the CPSMS changes to push. */
export async function removeFromGroup(
  db: Database,
  groupId: string,
  selection: ContactSelection,
): Promise<{ removed: number; cpsmsOps: CpsmsOp[] }> {
  return db.transaction(async (tx) => {
    const group = await requireGroup(tx, groupId);
    const where = contactSelectionSql(selection);
    const cpsmsOps = group.cpsmsGroupId !== null ? await linkedGroupOps(tx, where, "remove", groupId) : [];
    const removed = await tx.execute<{ contact_id: string }>(sql`
      delete from ${groupMembers} where ${groupMembers.groupId} = ${groupId}
      and ${groupMembers.contactId} in (select ${contacts.id} from ${contacts} where ${where})
      returning contact_id`);
    return { removed: removed.rows.length, cpsmsOps };
  });
}

/** The groups one contact belongs to. */
export async function groupsOfContact(db: Database, contactId: string) {
  return db
    .select({ id: groups.id, name: groups.name, cpsmsGroupId: groups.cpsmsGroupId, addedAt: groupMembers.addedAt })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.contactId, contactId)))
    .orderBy(asc(groups.name));
}
