import "server-only";
import type { Pool } from "pg";
import { groupCommit } from "@/lib/campaigns/group-commit";
import { type BotReason, TOO_SOON_SECONDS } from "./click-verdict";

export type ClickRequest = { code: string; reason: BotReason | null; userAgent: string | null };

/** What a short link's code led to: its URL (the click is recorded), expired (not recorded), or nothing. */
export type ClickOutcome =
  | { state: "redirect"; url: string }
  | { state: "expired"; language: string | null }
  | { state: "unknown" };

const committers = new WeakMap<Pool, (click: ClickRequest) => Promise<ClickOutcome>>();

/**
 * Records one request for a short link and says where it goes, before the redirect is answered: so each
 * request is counted exactly once (a click row exists for every redirect answered, and never without one).
 * Requests arriving together are written together, one statement per batch that both resolves the codes and
 * inserts their clicks (group-commit.ts): a burst of 200 guests opening a promotion costs a few statements,
 * not 200 round trips and 200 pool connections.
 */
export function recordClick(pool: Pool, click: ClickRequest): Promise<ClickOutcome> {
  let submit = committers.get(pool);
  if (!submit) {
    let sequence = 0;
    submit = groupCommit<ClickRequest, ClickOutcome>({
      maxBatch: 500,
      // Every request is its own row: two clicks on one link may share a batch.
      keyOf: () => String(sequence++),
      write: (batch) => writeClicks(pool, batch),
    });
    committers.set(pool, submit);
  }
  return submit(click);
}

type Row = { ord: string; url: string; expired: boolean; language: string | null };

/**
 * One statement: the codes joined to their links (and the message each went out in, for the timing verdict);
 * the clicks of the live ones inserted by a data-modifying CTE, which Postgres runs to completion whether or not
 * the outer query reads it. An expired link's request is not a click (it shows a page, not the offer).
 */
const STATEMENT = `
  with input as (
    select * from unnest($1::text[], $2::text[], $3::text[]) with ordinality as i(code, reason, user_agent, ord)
  ),
  link as (
    select i.ord, i.code, i.reason, i.user_agent, t.url, t.expires_at <= now() as expired, c.language,
      greatest(m.sent_at, m.delivered_at, k.scheduled_at) as received_at
    from input i
    join tracked_links t on t.code = i.code
    join campaigns k on k.id = t.campaign_id
    left join campaign_messages m on m.campaign_id = t.campaign_id and m.phone = t.phone
    left join contacts c on c.id = t.contact_id
  ),
  clicked as (
    insert into link_clicks (code, bot, bot_reason, user_agent)
    select code, verdict is not null, verdict, user_agent
    from (
      select ord, code, user_agent, coalesce(reason,
        case when now() < received_at + interval '${TOO_SOON_SECONDS} seconds' then 'too_soon' end) as verdict
      from link where not expired
    ) v
    order by ord
  )
  select ord, url, expired, language from link`;

async function writeClicks(pool: Pool, batch: ClickRequest[]): Promise<ClickOutcome[]> {
  const { rows } = await pool.query<Row>({
    name: "record-link-clicks",
    text: STATEMENT,
    values: [batch.map((c) => c.code), batch.map((c) => c.reason), batch.map((c) => c.userAgent)],
  });
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return batch.map((_, i) => {
    const row = byOrd.get(i + 1);
    if (!row) return { state: "unknown" };
    return row.expired ? { state: "expired", language: row.language } : { state: "redirect", url: row.url };
  });
}
