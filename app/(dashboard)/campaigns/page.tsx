import { Megaphone, PenSquare, Repeat, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { isInProgress } from "@/lib/campaigns/campaign-lifecycle";
import { ORIGINS_OF_KIND, shownCampaignName } from "@/lib/campaigns/campaign-origin";
import { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import {
  type CampaignTableParams,
  campaignTableParsers,
  loadCampaignTableParams,
} from "@/lib/campaigns/campaign-table-params";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { listRecurringSends } from "@/lib/campaigns/recurring/list-recurring";
import { getDb } from "@/lib/db";
import { amountText } from "@/lib/i18n/amount";
import { listedQuery } from "@/lib/paging/url-parsers";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { type ListedResults, listedResults } from "@/lib/reports/list-results";
import { AutoRefresh } from "./auto-refresh";
import { type CampaignRow, CampaignsTable } from "./campaigns-table";
import { CampaignsTableFrame } from "./campaigns-table-frame";
import { type RepeatingRow, RepeatingSends } from "./repeating-sends";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Campaigns");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CampaignsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = loadCampaignTableParams(await searchParams);
  const t = await getTranslations("Campaigns");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link href="/compose">
              <PenSquare aria-hidden /> {t("newMessage")}
            </Link>
          </Button>
        }
      />
      {/* The header shows at once; the lists stream in. */}
      <CampaignLists params={params} canManage={hasRole(user.role, "manager")} />
    </>
  );
}

async function CampaignLists({ params, canManage }: { params: CampaignTableParams; canManage: boolean }) {
  const db = getDb();
  const [page, recurring] = await Promise.all([
    listCampaigns(db, {
      pageSize: params.size,
      after: params.after,
      before: params.before,
      origins: ORIGINS_OF_KIND[params.kind],
    }),
    listRecurringSends(db),
  ]);
  const results = await listedResults(
    db,
    page.rows.map((c) => c.id),
  );
  const t = await getTranslations("Campaigns");
  const tReports = await getTranslations("Reports.list");
  const tDays = await getTranslations("Compose.weekdays");
  const tUnits = await getTranslations("Units");
  const format = await getFormatter();
  const amount = (value: number, provider: (typeof page.rows)[number]["provider"]) =>
    amountText(tUnits, format, value, provider);
  /** "Every Mon, Fri at 16:00". */
  const describeRule = (r: { weekdays: number[]; localTime: string }) =>
    r.weekdays.length === 7
      ? t("repeating.everyDay", { time: r.localTime })
      : t("repeating.every", {
          days: [...r.weekdays]
            .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
            .map((d) => tDays(`d${d}` as "d0"))
            .join(", "),
          time: r.localTime,
        });
  const repeating: RepeatingRow[] = recurring.map((r) => ({
    id: r.id,
    name: r.name,
    rule: describeRule(r),
    next: r.nextRunAt ? format.dateTime(r.nextRunAt, "moment") : null,
    skipDates: r.skipDates,
    active: r.active,
    lastOutcome: r.lastOutcome,
    audience: t(`repeating.audience.${r.message.category === "marketing" ? "marketing" : "transactional"}`),
  }));
  const rows: CampaignRow[] = page.rows.map((c) => {
    const progress = summarizeProgress(c.counts, c.recipientCount);
    const when = c.scheduledAt ?? c.createdAt;
    return {
      id: c.id,
      name: shownCampaignName(c, (origin) => t(`systemNames.${origin}`)),
      provider: PROVIDER_LABELS[c.provider],
      status: c.status,
      // Formatted on the server, in the restaurant's zone, so every device shows the same time.
      when:
        c.scheduledAt && c.status === "scheduled"
          ? t("list.sends", { when: format.dateTime(when, "moment") })
          : format.dateTime(when, "moment"),
      recipients: c.recipientCount,
      sent: progress.sent,
      failed: progress.failed,
      scheduled: progress.scheduled,
      stopped: progress.stopped,
      percentDone: progress.percentDone,
      charged: amount(c.costs.charged, c.provider),
      pendingCost:
        c.costs.held > 0
          ? t("list.heldByCpsms", { amount: amount(c.costs.held, c.provider) })
          : c.costs.estimated > 0
            ? t("list.estimate", { amount: amount(c.costs.estimated, c.provider) })
            : null,
      createdBy: c.createdBy,
      results: resultsText(tReports, results.get(c.id)),
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
          <CampaignsTableFrame listedWith="" nextCursor={null} prevCursor={null} paging={false}>
            {params.kind === "signup" ? (
              <EmptyState
                icon={<UserPlus />}
                title={t("empty.signupTitle")}
                description={t("empty.signupDescription")}
              />
            ) : params.kind === "automation" ? (
              <EmptyState
                icon={<Repeat />}
                title={t("empty.automationTitle")}
                description={t("empty.automationDescription")}
              />
            ) : (
              <EmptyState
                icon={<Megaphone />}
                title={t("empty.title")}
                description={t("empty.description")}
                action={
                  <Button asChild variant="outline">
                    <Link href="/compose">{t("empty.action")}</Link>
                  </Button>
                }
              />
            )}
          </CampaignsTableFrame>
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

/** "14 clicked · 6 redeemed" (each only when the campaign carried a tracked link or an offer), or null. */
function resultsText(
  t: Awaited<ReturnType<typeof getTranslations<"Reports.list">>>,
  r: ListedResults | undefined,
): string | null {
  if (!r) return null;
  const parts = [
    r.clicked === null ? null : t("clicked", { count: r.clicked }),
    r.redeemed === null ? null : t("redeemed", { count: r.redeemed }),
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
