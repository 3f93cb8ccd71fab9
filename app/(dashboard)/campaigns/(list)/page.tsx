import { Megaphone, PenSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { isInProgress } from "@/lib/campaigns/campaign-lifecycle";
import { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import {
  type CampaignTableParams,
  campaignTableParsers,
  loadCampaignTableParams,
} from "@/lib/campaigns/campaign-table-params";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { listRecurringSends } from "@/lib/campaigns/recurring/list-recurring";
import { describeRule } from "@/lib/campaigns/recurring/next-occurrence";
import { getDb } from "@/lib/db";
import { formatAmount } from "@/lib/format/amount";
import { listedQuery } from "@/lib/paging/url-parsers";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";
import { AutoRefresh } from "../auto-refresh";
import { type CampaignRow, CampaignsTable } from "../campaigns-table";
import { type RepeatingRow, RepeatingSends } from "../repeating-sends";

export const metadata: Metadata = { title: "Campaigns" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CampaignsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = loadCampaignTableParams(await searchParams);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Drafts, scheduled promos, sends in progress and finished campaigns."
        actions={
          <Button asChild>
            <Link href="/compose">
              <PenSquare aria-hidden /> New message
            </Link>
          </Button>
        }
      />
      {/* The header shows at once; the lists stream in. */}
      <Suspense fallback={<DataTableSkeleton toolbar={false} label="Loading campaigns" />}>
        <CampaignLists params={params} canManage={hasRole(user.role, "manager")} />
      </Suspense>
    </>
  );
}

async function CampaignLists({ params, canManage }: { params: CampaignTableParams; canManage: boolean }) {
  const db = getDb();
  const [page, settings, recurring] = await Promise.all([
    listCampaigns(db, { pageSize: params.size, after: params.after, before: params.before }),
    getRestaurantSettings(db),
    listRecurringSends(db),
  ]);
  const repeating: RepeatingRow[] = recurring.map((r) => ({
    id: r.id,
    name: r.name,
    rule: describeRule(r),
    next: r.nextRunAt ? formatInZone(r.nextRunAt, settings.timeZone) : null,
    skipDates: r.skipDates,
    active: r.active,
    lastOutcome: r.lastOutcome,
    audience: r.message.category === "marketing" ? "Promotion" : "Service message",
  }));
  const rows: CampaignRow[] = page.rows.map((c) => {
    const progress = summarizeProgress(c.counts, c.recipientCount);
    const when = c.scheduledAt ?? c.createdAt;
    return {
      id: c.id,
      name: c.name,
      provider: PROVIDER_LABELS[c.provider],
      status: c.status,
      // Formatted on the server, in the restaurant's zone, so every device shows the same time.
      when: `${c.scheduledAt && c.status === "scheduled" ? "Sends " : ""}${formatInZone(when, settings.timeZone)}`,
      recipients: c.recipientCount,
      sent: progress.sent,
      failed: progress.failed,
      scheduled: progress.scheduled,
      stopped: progress.stopped,
      percentDone: progress.percentDone,
      charged: formatAmount(c.costs.charged, c.provider),
      pendingCost:
        c.costs.held > 0
          ? `+ ${formatAmount(c.costs.held, c.provider)} held by CPSMS`
          : c.costs.estimated > 0
            ? `+ ≈ ${formatAmount(c.costs.estimated, c.provider)} estimate`
            : null,
      createdBy: c.createdBy,
    };
  });
  const active = page.rows.some((c) => isInProgress(c.status));
  const firstPage = !params.after && !params.before;
  return (
    <>
      {active ? <AutoRefresh intervalMs={2000} /> : null}
      <div className="space-y-6">
        {repeating.length > 0 ? <RepeatingSends rows={repeating} canManage={canManage} /> : null}
        {rows.length === 0 && firstPage ? (
          <EmptyState
            icon={<Megaphone />}
            title="No campaigns yet"
            description="When you send or schedule a message, it appears here with its progress and results."
            action={
              <Button asChild variant="outline">
                <Link href="/compose">Write your first message</Link>
              </Button>
            }
          />
        ) : (
          <CampaignsTable
            rows={rows}
            listedWith={listedQuery(campaignTableParsers, params)}
            nextCursor={page.nextCursor}
            prevCursor={page.prevCursor}
          />
        )}
      </div>
    </>
  );
}
