import "server-only";
import { type AnyColumn, and, eq, type SQL, sql } from "drizzle-orm";
import { type CampaignStatus, campaigns, type MessageStatus } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { CAMPAIGN_TRANSITIONS, type CampaignChange, campaignTarget, HANDING_OVER } from "./campaign-lifecycle";
import { MESSAGE_TRANSITIONS, type MessageChange } from "./message-lifecycle";

type Executor = Pick<Database, "update">;
type CampaignSet = Omit<Partial<typeof campaigns.$inferInsert>, "status" | "id">;

// Statuses are our own constants, so they go into the SQL as literals: the statement text stays the same for
// every call (prepared and planned once) and the planner can match the partial indexes written with literals.
const literals = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(", ");

/**
 * SQL condition: a campaign may take `change` now (its status, and CPSMS's hold where that matters). `table`
 * is the campaigns table's name or alias in the statement ("c" in the sweep).
 */
export function campaignMayTake(change: CampaignChange, table = "campaigns"): SQL {
  const t: { from: readonly CampaignStatus[]; notWhileHeld?: true } = CAMPAIGN_TRANSITIONS[change];
  const held = t.notWhileHeld
    ? ` and not (${table}.status = 'scheduled' and ${table}.scheduled_via is not distinct from 'provider')`
    : "";
  return sql.raw(`(${table}.status in (${literals(t.from)})${held})`);
}

/** The SQL literal of the status `change` leads to, for a set-based statement over many campaigns (the sweep). */
export function campaignTo(change: CampaignChange, to?: CampaignStatus): SQL {
  return sql.raw(`'${campaignTarget(change, to)}'`);
}

/**
 * Applies a campaign transition as one compare-and-set: `update campaigns set status = <to> where id = <id> and
 * status in (<from>)`, plus the dispatcher's lease when given and any extra condition. True when it won; false
 * when the campaign had moved on meanwhile (a cancel, a pause, another dispatcher), and nothing was written.
 */
export async function transitionCampaign(
  db: Executor,
  id: string,
  change: CampaignChange,
  options: { to?: CampaignStatus; set?: CampaignSet; leaseOwner?: string; where?: SQL } = {},
): Promise<boolean> {
  const rows = await db
    .update(campaigns)
    .set({ ...options.set, status: campaignTarget(change, options.to) })
    .where(
      and(
        eq(campaigns.id, id),
        campaignMayTake(change),
        options.leaseOwner === undefined ? undefined : eq(campaigns.leaseOwner, options.leaseOwner),
        options.where,
      ),
    )
    .returning({ id: campaigns.id });
  return rows.length > 0;
}

/**
 * SQL condition "this campaign is still handing messages over" (not paused, cancelled or finished meanwhile),
 * for fencing a claim inside the statement that makes it: a pause or cancel stops claims at once.
 */
export function campaignHandingOver(campaignId: string): SQL {
  return sql`exists (select 1 from campaigns c where c.id = ${campaignId} and c.status in (${sql.raw(literals(HANDING_OVER))}))`;
}

/**
 * SQL condition for a set-based message update: `<column> in (<statuses change may move a message from>)`.
 * In the writer's own statement, it makes the update a compare-and-set per row: rows that moved on are left.
 */
export function messageFrom(change: MessageChange, column: string | AnyColumn = "status"): SQL {
  return statusIn(MESSAGE_TRANSITIONS[change].from, column);
}

/** SQL condition `<column> in (<statuses>)`, the statuses written as literals. */
export function statusIn(statuses: readonly MessageStatus[], column: string | AnyColumn = "status"): SQL {
  const list = sql.raw(literals(statuses));
  return typeof column === "string" ? sql`${sql.raw(column)} in (${list})` : sql`${column} in (${list})`;
}

/** The SQL literal of the status `change` leads to (`to` when it has several): `set status = ${messageTo(...)}`. */
export function messageTo(change: MessageChange, to?: MessageStatus): SQL {
  const targets: readonly MessageStatus[] = MESSAGE_TRANSITIONS[change].to;
  const target = to ?? (targets.length === 1 ? targets[0] : undefined);
  if (!target || !targets.includes(target)) throw new Error(`message change ${change} can't lead to ${to ?? "?"}`);
  return sql.raw(`'${target}'`);
}
