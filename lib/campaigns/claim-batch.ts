import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CampaignMessage } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { holdsLease } from "./dispatch-lease";

export type ClaimedMessage = Pick<CampaignMessage, "id" | "phone" | "body" | "reference" | "segments">;

/**
 * Moves up to `limit` queued messages to "sending" and gives each distinct text a fresh reference (one CPSMS
 * request carries one text to many numbers, so they share it). This is written before the provider is called:
 * after a crash, "sending" rows are exactly the ones whose fate must be looked up, never blindly resent.
 */
export async function claimBatch(db: Database, campaignId: string, limit: number, leaseOwner?: string): Promise<ClaimedMessage[]> {
  const prefix = randomBytes(6).toString("hex");
  // Fenced: a dispatcher that stalled past its lease and was replaced claims nothing more (see holdsLease).
  const fence = leaseOwner === undefined ? sql`` : sql`and ${holdsLease(campaignId, leaseOwner)}`;
  const result = await db.execute<{ id: number; phone: string; body: string; reference: string; segments: number }>(sql`
    with picked as (
      select id, body from campaign_messages
      where campaign_id = ${campaignId} and status = 'queued' ${fence}
      order by id
      limit ${limit}
      for update skip locked
    ), refs as (
      select body, ${prefix} || '-' || (row_number() over (order by min(id)))::text as reference
      from picked group by body
    )
    update campaign_messages m
    set status = 'sending', claimed_at = now(), status_changed_at = now(), reference = refs.reference
    from picked join refs on refs.body = picked.body
    where m.id = picked.id
    returning m.id, m.phone, m.body, m.reference, m.segments`);
  return result.rows.sort((a, b) => a.id - b.id);
}
