import "server-only";
import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { contacts, groupMembers, groups } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { logger } from "@/lib/logger";
import { getCpsmsClient } from "@/lib/providers/provider-clients";
import type { CpsmsClient } from "@/lib/sms/cpsms/client";
import { isProviderError } from "@/lib/sms/errors";
import { toProviderMsisdn } from "@/lib/sms/msisdn";

/**
 * A linked CPSMS group mirrors the group's members who may receive marketing (consent granted): CPSMS
 * `sendgroup` sends to everyone in the group, so a withdrawn guest must leave it at once.
 */
export type CpsmsOp = { cpsmsGroupId: number; phone: string; contactName?: string; action: "add" | "remove" };

type Reader = Pick<Database, "select">;

const displayName = (first: string, last: string) => `${first} ${last}`.trim();

/** The CPSMS changes that follow from contacts (matching `where`) joining or leaving their linked groups. */
export async function linkedGroupOps(
  db: Reader,
  where: SQL,
  action: "add" | "remove",
  groupId?: string,
): Promise<CpsmsOp[]> {
  const rows = await db
    .select({
      cpsmsGroupId: groups.cpsmsGroupId,
      phone: contacts.phone,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(contacts, eq(contacts.id, groupMembers.contactId))
    .where(
      and(
        isNotNull(groups.cpsmsGroupId),
        where,
        groupId ? eq(groups.id, groupId) : undefined,
        action === "add" ? eq(contacts.consentState, "granted") : undefined,
      ),
    );
  return rows.map((r) => ({
    cpsmsGroupId: r.cpsmsGroupId!,
    phone: r.phone,
    contactName: displayName(r.firstName, r.lastName) || undefined,
    action,
  }));
}

const CONCURRENCY = 4;

/** True when CPSMS already is in the wanted state (adding a member twice, removing one that is gone). */
function alreadyDone(op: CpsmsOp, err: unknown) {
  if (!isProviderError(err)) return false;
  return (op.action === "add" && err.httpStatus === 406) || (op.action === "remove" && err.httpStatus === 409);
}

/**
 * Applies membership changes to CPSMS, a few at a time. Best effort: failures are logged and counted, and the
 * group page's drift check shows what is still out of step (with a one-click fix).
 */
export async function applyCpsmsOps(
  db: Database,
  ops: CpsmsOp[],
  client?: CpsmsClient,
): Promise<{ done: number; failed: number; firstError: string | null }> {
  if (ops.length === 0) return { done: 0, failed: 0, firstError: null };
  const cpsms = client ?? (await getCpsmsClient(db));
  let done = 0;
  let failed = 0;
  let firstError: string | null = null;
  let next = 0;
  const worker = async () => {
    while (next < ops.length) {
      const op = ops[next++]!;
      try {
        if (op.action === "add")
          await cpsms.addContact({ groupId: op.cpsmsGroupId, phoneNumber: op.phone, contactName: op.contactName });
        else await cpsms.deleteContact({ groupId: op.cpsmsGroupId, phoneNumber: op.phone });
        done++;
      } catch (err) {
        if (alreadyDone(op, err)) {
          done++;
          continue;
        }
        failed++;
        firstError ??= isProviderError(err) ? err.userMessage : "Groups.cpsms.unreachable";
        logger.warn({ err, group: op.cpsmsGroupId, action: op.action }, "cpsms group sync failed");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ops.length) }, worker));
  return { done, failed, firstError };
}

export type GroupDrift = {
  /** Members who should be in the CPSMS group but are not (E.164). */
  missingAtCpsms: string[];
  /** Numbers in the CPSMS group that are not (eligible) members here (CPSMS digits). */
  extraAtCpsms: string[];
  inSync: boolean;
};

async function eligibleMembers(db: Reader, groupId: string) {
  return db
    .select({ phone: contacts.phone, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(groupMembers)
    .innerJoin(contacts, eq(contacts.id, groupMembers.contactId))
    .where(and(eq(groupMembers.groupId, groupId), eq(contacts.consentState, "granted")));
}

async function linkedGroup(db: Reader, groupId: string) {
  const [group] = await db.select().from(groups).where(eq(groups.id, groupId)).limit(1);
  if (!group) throw new AppError("NOT_FOUND", "Groups.errors.notFound");
  return group;
}

/** Compares a linked group's eligible members with the CPSMS group's contacts. */
export async function groupDrift(db: Database, groupId: string, client?: CpsmsClient): Promise<GroupDrift> {
  const group = await linkedGroup(db, groupId);
  if (group.cpsmsGroupId === null) throw new AppError("CONFLICT", "Groups.errors.notLinked");
  const cpsms = client ?? (await getCpsmsClient(db));
  const [ours, theirs] = await Promise.all([eligibleMembers(db, groupId), cpsms.listContacts(group.cpsmsGroupId)]);
  const theirSet = new Set(theirs.map((c) => toProviderMsisdn(c.phoneNumber)));
  const ourSet = new Set(ours.map((m) => toProviderMsisdn(m.phone)));
  const missingAtCpsms = ours.filter((m) => !theirSet.has(toProviderMsisdn(m.phone))).map((m) => m.phone);
  const extraAtCpsms = [...theirSet].filter((p) => !ourSet.has(p));
  return { missingAtCpsms, extraAtCpsms, inSync: missingAtCpsms.length === 0 && extraAtCpsms.length === 0 };
}

/** Brings the CPSMS group back in line with the group: adds the missing, removes the extra. */
export async function fixGroupDrift(db: Database, groupId: string, client?: CpsmsClient) {
  const group = await linkedGroup(db, groupId);
  const cpsms = client ?? (await getCpsmsClient(db));
  const drift = await groupDrift(db, groupId, cpsms);
  const names = new Map(
    (await eligibleMembers(db, groupId)).map((m) => [m.phone, displayName(m.firstName, m.lastName)]),
  );
  const ops: CpsmsOp[] = [
    ...drift.missingAtCpsms.map((phone) => ({
      cpsmsGroupId: group.cpsmsGroupId!,
      phone,
      contactName: names.get(phone) || undefined,
      action: "add" as const,
    })),
    ...drift.extraAtCpsms.map((phone) => ({ cpsmsGroupId: group.cpsmsGroupId!, phone, action: "remove" as const })),
  ];
  const result = await applyCpsmsOps(db, ops, cpsms);
  if (result.failed === 0) await db.update(groups).set({ cpsmsSyncedAt: sql`now()` }).where(eq(groups.id, groupId));
  return { ...result, added: drift.missingAtCpsms.length, removed: drift.extraAtCpsms.length };
}

/**
 * Links a group to CPSMS: creates the CPSMS group (or adopts one with the same name), records its id, and
 * pushes the eligible members through the contacts API.
 */
export async function linkGroupToCpsms(db: Database, groupId: string, client?: CpsmsClient) {
  const group = await linkedGroup(db, groupId);
  if (group.cpsmsGroupId !== null) throw new AppError("CONFLICT", "Groups.errors.alreadyLinked");
  const cpsms = client ?? (await getCpsmsClient(db));
  const existing = (await cpsms.listGroups()).find((g) => g.groupName.toLowerCase() === group.name.toLowerCase());
  const cpsmsGroupId = existing?.groupId ?? (await cpsms.addGroup(group.name)).groupId;
  const [linked] = await db
    .update(groups)
    .set({ cpsmsGroupId })
    .where(and(eq(groups.id, groupId), sql`${groups.cpsmsGroupId} is null`))
    .returning({ id: groups.id });
  if (!linked) throw new AppError("CONFLICT", "Groups.errors.linkedMeanwhile");
  return { cpsmsGroupId, ...(await fixGroupDrift(db, groupId, cpsms)) };
}

/** Unlinks a group: empties and deletes the CPSMS group (CPSMS only deletes empty groups), then forgets its id. */
export async function unlinkGroupFromCpsms(db: Database, groupId: string, client?: CpsmsClient) {
  const group = await linkedGroup(db, groupId);
  if (group.cpsmsGroupId === null) return;
  const cpsms = client ?? (await getCpsmsClient(db));
  const theirs = await cpsms.listContacts(group.cpsmsGroupId);
  const result = await applyCpsmsOps(
    db,
    theirs.map((c) => ({ cpsmsGroupId: group.cpsmsGroupId!, phone: c.phoneNumber, action: "remove" as const })),
    cpsms,
  );
  if (result.failed > 0)
    throw new AppError("CONFLICT", "Groups.errors.emptyFailed", {
      error: await localizeMessage(result.firstError ?? ""),
    });
  await cpsms.deleteGroup(group.cpsmsGroupId).catch((err) => {
    if (!(isProviderError(err) && err.httpStatus === 400)) throw err; // 400: already gone at CPSMS
  });
  await db.update(groups).set({ cpsmsGroupId: null, cpsmsSyncedAt: null }).where(eq(groups.id, groupId));
}
