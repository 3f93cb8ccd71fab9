import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { contacts, signupSources, signups } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { getAutomation } from "@/lib/automations/automation-settings";
import { evaluateAutomation } from "@/lib/automations/evaluate-automation";
import { enqueueCreated } from "@/lib/campaigns/compose/prepare-send";
import { grantConsent } from "@/lib/consent/consent-ledger";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { contactSelectionSql } from "@/lib/contacts/contact-filter";
import type { Database } from "@/lib/db";
import { linkedGroupOps } from "@/lib/groups/cpsms-sync";
import { pushCpsmsChanges } from "@/lib/groups/push-cpsms";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { findSignupLink, type SignupLink } from "./find-signup-link";
import { hashSignupToken, isSignupToken } from "./signup-token";

/**
 * The guest's press on "Confirm" (double opt-in): the one moment the sign-up reaches the guest book. In one
 * transaction: the sign-up becomes confirmed (compare-and-set, so a second press or a parallel one does nothing),
 * the guest is created or updated (name, birthday and language only now; an existing guest keeps their
 * history, groups and notes), consent is granted in the ledger with source "sign-up page", the source's name
 * and the wording the guest saw (lifting an earlier opt-out's suppression: this confirmation is the new
 * consent), and the Welcome automation's text is written (lib/automations). Queued after commit. Returns the link's state afterwards.
 */
export async function confirmSignup(db: Database, token: string, now = new Date()): Promise<SignupLink> {
  if (!isSignupToken(token)) return null;
  const [restaurant, welcome] = await Promise.all([getRestaurantSettings(db), getAutomation(db, "welcome")]);
  const confirmed = await db.transaction(async (tx) => {
    const [signup] = await tx
      .update(signups)
      .set({ status: "confirmed", confirmedAt: now })
      .where(
        and(eq(signups.tokenHash, hashSignupToken(token)), eq(signups.status, "pending"), gt(signups.expiresAt, now)),
      )
      .returning();
    if (!signup?.phone) return undefined;
    const phone = signup.phone;
    // One number's sign-ups and confirmations one at a time (see submitSignup): one guest, one welcome.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`signup:${signup.phoneHash}`}))`);
    const guest = await upsertGuest(tx as unknown as Database, { ...signup, phone });
    const [source] = signup.sourceId
      ? await tx.select({ name: signupSources.name }).from(signupSources).where(eq(signupSources.id, signup.sourceId))
      : [];
    await grantConsent(tx as unknown as Database, {
      contactId: guest.id,
      source: "signup_page",
      wording: signup.wording,
      sourceName: source?.name ?? null,
      actorId: null,
    });
    // The Welcome automation, for this guest, now and in this transaction: the guest is welcomed as they confirm
    // (quiet hours: in the morning, in their zone), once ever (its occurrence key), as after any new consent.
    // Its clock is the database's, which stamped the consent a moment ago (rounded up to the millisecond: a Date
    // holds no microseconds, and the stamp must fall inside the evaluation's window).
    const [clock] = (await tx.execute<{ ms: string }>(sql`select ceil(extract(epoch from now()) * 1000)::bigint as ms`))
      .rows;
    const welcomed = welcome.enabled
      ? await evaluateAutomation(tx as unknown as Database, welcome, restaurant, new Date(Number(clock!.ms)), {
          scope: [guest.id],
        })
      : null;
    const campaign = welcomed?.campaigns[0] ?? null;
    await tx
      .update(signups)
      .set({ contactId: guest.id, welcomeCampaignId: campaign?.id ?? null })
      .where(eq(signups.id, signup.id));
    await recordAudit(tx, {
      actorId: null,
      action: "signup.confirmed",
      targetType: "contact",
      targetId: guest.id,
      details: { signupId: signup.id, source: source?.name ?? null, welcome: campaign?.id ?? null },
    });
    return { campaign, contactId: guest.id };
  });
  if (confirmed?.campaign) await enqueueCreated([confirmed.campaign]);
  // A returning guest is back in the CPSMS groups their consent had taken them out of (consent-with-groups.ts).
  if (confirmed)
    await pushCpsmsChanges(await linkedGroupOps(db, contactSelectionSql({ ids: [confirmed.contactId] }), "add"));
  return findSignupLink(db, token, now);
}

type ConfirmedSignup = typeof signups.$inferSelect & { phone: string };

/** The guest for a confirmed sign-up: the existing one by number (updated), else a new one. */
async function upsertGuest(tx: Database, signup: ConfirmedSignup) {
  const update = {
    firstName: signup.firstName ?? "",
    language: signup.language,
    ...(signup.birthdayMonth && signup.birthdayDay
      ? { birthdayMonth: signup.birthdayMonth, birthdayDay: signup.birthdayDay }
      : {}),
  };
  const columns = {
    id: contacts.id,
    phone: contacts.phone,
    firstName: contacts.firstName,
    lastName: contacts.lastName,
    optOutToken: contacts.optOutToken,
  };
  const [created] = await tx
    .insert(contacts)
    .values({ phone: signup.phone, optOutToken: newOptOutToken(), ...update })
    .onConflictDoNothing({ target: contacts.phone })
    .returning(columns);
  if (created) return created;
  const [updated] = await tx
    .update(contacts)
    .set({ ...update, updatedById: null })
    .where(eq(contacts.phone, signup.phone))
    .returning(columns);
  return updated!;
}
