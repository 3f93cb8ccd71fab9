import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CampaignMessage } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { campaignHandingOver, messageFrom, messageTo } from "./apply-transition";
import { holdsLease } from "./dispatch-lease";
import { CONSENT_WITHDRAWN } from "./stop-withdrawn";

export type ClaimedMessage = Pick<CampaignMessage, "id" | "phone" | "body" | "reference" | "segments">;

const SUPPRESSED = "Not sent: the number is on the suppression list (the guest opted out or was erased).";

/**
 * Moves up to `limit` queued messages to "sending" and gives each distinct text a fresh reference (one CPSMS
 * request carries one text to many numbers, so they share it). This is written before the provider is called:
 * after a crash, "sending" rows are exactly the ones whose fate must be looked up, never blindly resent.
 * For a promotion, consent is checked at the moment of sending too: a picked number that is on the suppression
 * list is cancelled instead of claimed, in the same statement (whatever path put it there).
 */
export async function claimBatch(
  db: Database,
  campaignId: string,
  limit: number,
  leaseOwner?: string,
  options: { marketing?: boolean } = {},
): Promise<ClaimedMessage[]> {
  const prefix = randomBytes(6).toString("hex");
  // Fenced: a dispatcher that stalled past its lease and was replaced claims nothing more (see holdsLease), and
  // nothing more is claimed once staff paused or cancelled the campaign.
  const fence =
    leaseOwner === undefined
      ? sql``
      : sql`and ${holdsLease(campaignId, leaseOwner)} and ${campaignHandingOver(campaignId)}`;
  const result = await db.execute<{ id: number; phone: string; body: string; reference: string; segments: number }>(sql`
    with picked as (
      select id, body, phone from campaign_messages
      where campaign_id = ${campaignId} and ${messageFrom("claim")} ${fence}
      order by id
      limit ${limit}
      for update skip locked
    ), barred as (
      select p.id from picked p
      where ${options.marketing ?? false}
        and exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(p.phone, 'UTF8')), 'hex'))
    ), stopped as (
      update campaign_messages m set status = ${messageTo("suppressedAtSend")}, cost = null, error_code = ${CONSENT_WITHDRAWN}, error_message = ${SUPPRESSED},
        status_changed_at = now()
      from barred where m.id = barred.id
      returning m.id
    ), stopped_events as (
      insert into message_events (message_id, status, source, detail)
      select id, ${messageTo("suppressedAtSend")}, 'consent', ${SUPPRESSED} from stopped
    ), sendable as (
      select * from picked where id not in (select id from barred)
    ), refs as (
      select body, ${prefix} || '-' || (row_number() over (order by min(id)))::text as reference
      from sendable group by body
    )
    update campaign_messages m
    set status = ${messageTo("claim")}, claimed_at = now(), status_changed_at = now(), reference = refs.reference
    from sendable join refs on refs.body = sendable.body
    where m.id = sendable.id
    returning m.id, m.phone, m.body, m.reference, m.segments`);
  return result.rows.sort((a, b) => a.id - b.id);
}

/**
 * Puts claimed messages that were never handed to the provider back in the queue (a run stopped between claiming
 * a batch and sending it). Nothing was sent, so nothing goes on their timeline. Only while `leaseOwner` holds the
 * lease: a dispatcher that took over treats the rows as uncertain and looks them up by the reference they carry,
 * and a row released, claimed again and in flight under a new reference must not be judged by the old one.
 */
export async function releaseClaims(
  db: Database,
  campaignId: string,
  claimed: readonly Pick<ClaimedMessage, "id">[],
  leaseOwner: string,
): Promise<void> {
  if (claimed.length === 0) return;
  await db.execute(sql`
    update campaign_messages set status = ${messageTo("release")}, claimed_at = null, status_changed_at = now()
    where id = any(${sql.param(claimed.map((m) => m.id))}::bigint[]) and ${messageFrom("release")}
      and ${holdsLease(campaignId, leaseOwner)}`);
}
