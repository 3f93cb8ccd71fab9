import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { AutomationKind } from "@/drizzle/schema";

/**
 * Which campaigns a report covers. A campaign's report is that one campaign row (one provider, so one cost
 * unit; a compose submission split across providers has a report per part, linked from each other's page).
 * An automation's is every campaign it created (linked by automation_occurrences.campaign_id) created since
 * the period's start.
 */
export type ReportScope =
  | { kind: "campaign"; campaignId: string }
  | { kind: "automation"; automation: AutomationKind; since: Date };

/** A subquery of the ids of the campaigns in scope, for `campaign_id in (...)`. */
export function scopeCampaignIds(scope: ReportScope): SQL {
  if (scope.kind === "campaign") return sql`select ${scope.campaignId}::uuid`;
  return sql`select c.id from campaigns c
    where c.origin = 'automation' and c.created_at >= ${scope.since.toISOString()}::timestamptz
      and c.id in (select o.campaign_id from automation_occurrences o
        where o.kind = ${scope.automation} and o.campaign_id is not null)`;
}
