import "server-only";
import { randomBytes } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { CampaignMessage } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { atCapSql, capReason, FREQUENCY_CAPPED, type FrequencyCap } from "@/lib/marketing/frequency-cap";
import { campaignHandingOver, messageFrom, messageTo } from "./apply-transition";
import { holdsLease } from "./dispatch-lease";
import { CONSENT_WITHDRAWN } from "./stop-withdrawn";

export type ClaimedMessage = Pick<CampaignMessage, "id" | "phone" | "body" | "reference" | "segments">;

export type ClaimOptions = {
  /** A promotion: consent and the frequency cap are checked again at the moment of sending. */
  marketing?: boolean;
  /** The frequency cap in force (lib/marketing/frequency-cap.ts); null or absent when it is off. */
  cap?: FrequencyCap | null;
  /** CPSMS's send time when it holds the messages: the guest gets them then, so the cap looks around it. */
  heldUntil?: Date | null;
};

type Executor = Pick<Database, "execute">;

const SUPPRESSED = "Not sent: the number is on the suppression list (the guest opted out or was erased).";

// Advisory lock class (the first key of pg_advisory_xact_lock(int, int)) of the cap's per-number locks.
const CAP_LOCK_CLASS = 7201;

/**
 * Moves up to `limit` queued messages to "sending" and gives each distinct text a fresh reference (one CPSMS
 * request carries one text to many numbers, so they share it). This is written before the provider is called:
 * after a crash, "sending" rows are exactly the ones whose fate must be looked up, never blindly resent.
 * For a promotion, consent and the frequency cap are checked at the moment of sending too: a picked number that
 * is on the suppression list, or already had the promotions the cap allows, is cancelled instead of claimed, in
 * the same statement (whatever path put it there, whichever campaign or automation it belongs to).
 */
export async function claimBatch(
  db: Database,
  campaignId: string,
  limit: number,
  leaseOwner?: string,
  options: ClaimOptions = {},
): Promise<ClaimedMessage[]> {
  // Fenced: a dispatcher that stalled past its lease and was replaced claims nothing more (see holdsLease), and
  // nothing more is claimed once staff paused or cancelled the campaign.
  const fence =
    leaseOwner === undefined
      ? sql``
      : sql`and ${holdsLease(campaignId, leaseOwner)} and ${campaignHandingOver(campaignId)}`;
  const pick = sql`select id, body, phone from campaign_messages
    where campaign_id = ${campaignId} and ${messageFrom("claim")} ${fence}
    order by id
    limit ${limit}
    for update skip locked`;
  const marketing = options.marketing ?? false;
  const cap = marketing ? (options.cap ?? null) : null;
  const heldUntil = options.heldUntil ?? null;
  // A batch whose every number was suppressed or capped claims nothing, yet more may be queued behind it: an
  // empty answer must mean "nothing left", so pick again (each round cancels what it picked: it ends).
  for (;;) {
    const { claimed, picked } = cap
      ? await claimCapped(db, pick, { marketing, cap, heldUntil })
      : await claimPicked(db, pick, { marketing, cap: null, heldUntil });
    if (claimed.length > 0 || picked === 0) return claimed;
  }
}

/**
 * Two campaigns (two dispatchers) may pick the same guest at the same moment. Each first locks its numbers
 * (advisory, per number, in one order so two claims can't deadlock), then checks the cap in a second statement,
 * whose snapshot sees what the other committed: the one that waited finds the other's "sending" row and skips.
 */
function claimCapped(
  db: Database,
  pick: SQL,
  options: { marketing: boolean; cap: FrequencyCap; heldUntil: Date | null },
): Promise<Claimed> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ id: number }>(sql`
      with picked as (${pick}), locks as (
        select pg_advisory_xact_lock(${CAP_LOCK_CLASS}::int, h)
        from (select distinct hashtext(phone) as h from picked order by h) numbers
      )
      select id from picked where (select count(*) from locks) >= 0`);
    if (locked.rows.length === 0) return { claimed: [], picked: 0 };
    const ids = sql.param(locked.rows.map((r) => r.id));
    const held = sql`select id, body, phone from campaign_messages where id = any(${ids}::bigint[]) and ${messageFrom("claim")}`;
    return claimPicked(tx, held, options);
  });
}

type Claimed = { claimed: ClaimedMessage[]; picked: number };

/**
 * The claim itself, over the rows `picked` selects (and locks): suppressed and capped numbers are cancelled with
 * a line on their timeline, the rest go to "sending" with their references (and, for a promotion, its moment).
 */
async function claimPicked(
  db: Executor,
  picked: SQL,
  options: { marketing: boolean; cap: FrequencyCap | null; heldUntil: Date | null },
): Promise<Claimed> {
  const prefix = randomBytes(6).toString("hex");
  const { marketing, cap } = options;
  // When the guest gets it: now, or CPSMS's send time for a message it will hold.
  const moment = sql`greatest(now(), ${options.heldUntil?.toISOString() ?? null}::timestamptz)`;
  const capped = cap
    ? sql`select p.id from picked p where p.id not in (select id from barred) and ${atCapSql(cap, moment, sql`p.phone`)}`
    : sql`select id from picked where false`;
  const reason = cap ? capReason(cap) : "";
  type Row = { id: number | null; phone: string; body: string; reference: string; segments: number; picked: number };
  const result = await db.execute<Row>(sql`
    with picked as (${picked}), barred as (
      select p.id from picked p
      where ${marketing}
        and exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(p.phone, 'UTF8')), 'hex'))
    ), stopped as (
      update campaign_messages m set status = ${messageTo("suppressedAtSend")}, cost = null, error_code = ${CONSENT_WITHDRAWN}, error_message = ${SUPPRESSED},
        status_changed_at = now()
      from barred where m.id = barred.id and ${messageFrom("suppressedAtSend", "m.status")}
      returning m.id
    ), stopped_events as (
      insert into message_events (message_id, status, source, detail)
      select id, ${messageTo("suppressedAtSend")}, 'consent', ${SUPPRESSED} from stopped
    ), capped as (${capped}), held_back as (
      update campaign_messages m set status = ${messageTo("cappedAtSend")}, cost = null, error_code = ${FREQUENCY_CAPPED}, error_message = ${reason},
        status_changed_at = now()
      from capped where m.id = capped.id and ${messageFrom("cappedAtSend", "m.status")}
      returning m.id
    ), held_back_events as (
      insert into message_events (message_id, status, source, detail)
      select id, ${messageTo("cappedAtSend")}, 'cap', ${reason} from held_back
    ), sendable as (
      select * from picked where id not in (select id from barred) and id not in (select id from capped)
    ), refs as (
      select body, ${prefix} || '-' || (row_number() over (order by min(id)))::text as reference
      from sendable group by body
    ), claimed as (
      update campaign_messages m
      set status = ${messageTo("claim")}, claimed_at = now(), status_changed_at = now(), reference = refs.reference,
        promotion_at = ${marketing ? moment : sql`null`}
      from sendable join refs on refs.body = sendable.body
      where m.id = sendable.id
      returning m.id, m.phone, m.body, m.reference, m.segments
    )
    -- One row even when nothing was claimed: how many were picked tells "all stopped" from "none left".
    select c.id, c.phone, c.body, c.reference, c.segments, n.picked
    from (select count(*)::int as picked from picked) n left join claimed c on true`);
  const claimed = result.rows.filter((r): r is Row & { id: number } => r.id !== null).map(({ picked: _, ...m }) => m);
  return { claimed: claimed.sort((a, b) => a.id - b.id), picked: result.rows[0]?.picked ?? 0 };
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
