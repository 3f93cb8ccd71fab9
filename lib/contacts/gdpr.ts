import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { campaignMessages, campaigns, contacts } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { requestHeldStops, stopMessagesTo } from "@/lib/campaigns/stop-withdrawn";
import { consentHistory } from "@/lib/consent/consent-ledger";
import { suppressPhones } from "@/lib/consent/suppression";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CpsmsOp, linkedGroupOps } from "@/lib/groups/cpsms-sync";
import { groupsOfContact } from "@/lib/groups/manage-groups";

type Actor = Pick<CurrentUser, "id">;

/**
 * Everything held about one guest (GDPR art. 15): the contact, the consent ledger, group memberships and every
 * message sent to the number. Audit-logged.
 */
export async function exportGuestData(db: Database, actor: Actor, contactId: string) {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId)).limit(1);
  if (!contact) throw new AppError("NOT_FOUND", "Contacts.errors.notFound");
  const [ledger, memberships, messages] = await Promise.all([
    consentHistory(db, contactId),
    groupsOfContact(db, contactId),
    db
      .select({
        campaign: campaigns.name,
        sentAt: campaignMessages.sentAt,
        deliveredAt: campaignMessages.deliveredAt,
        status: campaignMessages.status,
        body: campaignMessages.body,
        provider: campaigns.provider,
      })
      .from(campaignMessages)
      .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
      .where(eq(campaignMessages.phone, contact.phone))
      .orderBy(asc(campaignMessages.id)),
  ]);
  await recordAudit(db, {
    actorId: actor.id,
    action: "contact.gdpr_export",
    targetType: "contact",
    targetId: contactId,
  });
  const { optOutToken: _token, createdById: _c, updatedById: _u, nameKey: _k, ...data } = contact;
  return {
    exportedAt: new Date().toISOString(),
    contact: data,
    consentLedger: ledger.map((e) => ({
      state: e.state,
      source: e.source,
      wording: e.wording,
      at: e.occurredAt,
      recordedBy: e.recordedBy,
    })),
    groups: memberships.map((g) => ({ name: g.name, addedAt: g.addedAt, linkedToCpsms: g.cpsmsGroupId !== null })),
    messages,
  };
}

/**
 * Erases a guest (GDPR art. 17): deletes the contact, its consent ledger and memberships; keeps only the hash of
 * the number on the suppression list so they are never texted again; anonymises the messages sent to them (the
 * number becomes "erased-<id>", the text is dropped, the link to the contact is cut). Returns the CPSMS
 * removals for linked groups. Audit-logged without the number.
 */
export async function eraseContact(db: Database, actor: Actor, contactId: string): Promise<{ cpsmsOps: CpsmsOp[] }> {
  const erased = await db.transaction(async (tx) => {
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, contactId)).for("update");
    if (!contact) throw new AppError("NOT_FOUND", "Contacts.errors.notFound");
    const cpsmsOps = await linkedGroupOps(tx, eq(contacts.id, contactId), "remove");
    await suppressPhones(tx, [contact.phone], "gdpr_erasure");
    // Before the number is anonymised: nothing still to go out may reach it (service messages neither: we may not
    // keep the number), and what CPSMS holds is deleted there by reference.
    const stopped = await stopMessagesTo(tx, [contact.phone], { source: "gdpr_erasure", includeTransactional: true });
    const messages = await tx
      .update(campaignMessages)
      .set({ phone: sql`'erased-' || ${campaignMessages.id}`, body: "(erased)", contactId: null })
      .where(sql`${campaignMessages.phone} = ${contact.phone} or ${campaignMessages.contactId} = ${contactId}`)
      .returning({ id: campaignMessages.id });
    await tx.delete(contacts).where(eq(contacts.id, contactId)); // the ledger and memberships cascade
    await recordAudit(tx, {
      actorId: actor.id,
      action: "contact.gdpr_erase",
      targetType: "contact",
      targetId: contactId,
      details: { messagesAnonymised: messages.length, cpsmsGroups: cpsmsOps.length },
    });
    return { cpsmsOps, held: stopped.marked };
  });
  if (erased.held > 0) await requestHeldStops();
  return { cpsmsOps: erased.cpsmsOps };
}
