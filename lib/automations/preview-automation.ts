import "server-only";
import { sql } from "drizzle-orm";
import type { Automation } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import type { RestaurantProfile } from "@/lib/settings/restaurant-settings";
import { skippedByFrequencyCap } from "./frequency-capped";
import { candidatesSql, holdoutSql } from "./occurrence-candidates";

/** Why a guest due in the next days would not be texted (in the order they are checked). */
export const LEFT_OUT_REASONS = [
  "noConsent",
  "suppressed",
  "alreadyTexted",
  "holdout",
  "frequencyCap",
  "noBirthday",
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export const PREVIEW_DAYS = 7;
const SAMPLE = 25;

export type AutomationPreview = {
  texted: number;
  leftOut: Record<LeftOutReason, number>;
  /** The first guests due, soonest first, with their due time. */
  sample: { contactId: string; name: string; phone: string; dueAt: Date }[];
};

/**
 * Who the automation would text in the next seven days, by the same rule the evaluation applies (the same SQL),
 * with the count of guests left out per reason. Reads only. Birthday: guests with no birthday are counted too.
 * `scope` limits it to some guests (tests).
 */
export async function previewAutomation(
  db: Database,
  automation: Automation,
  restaurant: RestaurantProfile,
  now: Date,
  scope?: readonly string[],
): Promise<AutomationPreview> {
  const window = { from: now, to: new Date(now.getTime() + PREVIEW_DAYS * 24 * 3600_000) };
  const { kind } = automation;
  const { rows } = await db.execute<{
    contact_id: string;
    first_name: string;
    last_name: string;
    phone: string;
    due_at: string;
    reason: string;
  }>(sql`
    with cand as (${candidatesSql(automation, window, restaurant.timeZone, scope)})
    select cand.contact_id, c.first_name, c.last_name, c.phone, cand.due_at,
      case
        when c.consent_state <> 'granted' then 'noConsent'
        when exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(c.phone, 'UTF8')), 'hex')) then 'suppressed'
        when o.holdout then 'holdout'
        when o.id is not null then 'alreadyTexted'
        when ${holdoutSql(sql`${kind}::text`, sql`cand.contact_id`, sql`cand.occurrence_key`, automation.holdoutPercent)} then 'holdout'
        else 'texted'
      end as reason
    from cand
    join contacts c on c.id = cand.contact_id
    left join automation_occurrences o
      on o.kind = ${kind} and o.contact_id = cand.contact_id and o.occurrence_key = cand.occurrence_key
    order by cand.due_at, cand.contact_id`);
  const leftOut = Object.fromEntries(LEFT_OUT_REASONS.map((r) => [r, 0])) as Record<LeftOutReason, number>;
  let willText = rows.filter((r) => r.reason === "texted");
  for (const r of rows) if (r.reason !== "texted") leftOut[r.reason as LeftOutReason] += 1;
  const capped = await skippedByFrequencyCap(
    db,
    willText.map((r) => ({ contactId: r.contact_id, dueAt: new Date(r.due_at) })),
  );
  leftOut.frequencyCap = capped.size;
  willText = willText.filter((r) => !capped.has(r.contact_id));
  if (kind === "birthday") {
    const { rows: none } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from contacts where birthday_month is null or birthday_day is null`,
    );
    leftOut.noBirthday = none[0]?.n ?? 0;
  }
  return {
    texted: willText.length,
    leftOut,
    sample: willText.slice(0, SAMPLE).map((r) => ({
      contactId: r.contact_id,
      name: `${r.first_name} ${r.last_name}`.trim(),
      phone: r.phone,
      dueAt: new Date(r.due_at),
    })),
  };
}
