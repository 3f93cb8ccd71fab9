import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { formats } from "@/i18n/formats";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { shownCampaignName } from "@/lib/campaigns/campaign-origin";
import { senderShown } from "@/lib/campaigns/sender-shown";
import { getDb } from "@/lib/db";
import { dayAsDate } from "@/lib/history/day";
import { historyQuery, parseHistoryFilters } from "@/lib/history/filters";
import { historyFilterOptions, listHistory } from "@/lib/history/list-history";
import { amountText } from "@/lib/i18n/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { HistoryFilterBar } from "./history-filters";
import { HistoryTable, type HistoryTableRow } from "./history-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("History.layout");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HistoryPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  return <HistoryList params={params} isManager={hasRole(user.role, "manager")} />;
}

async function HistoryList({
  params,
  isManager,
}: {
  params: Record<string, string | string[] | undefined>;
  isManager: boolean;
}) {
  const filters = parseHistoryFilters(params);
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const db = getDb();
  const [settings, t, tCampaigns, tUnits, tProviders, format] = await Promise.all([
    getRestaurantSettings(db),
    getTranslations("History.ours"),
    getTranslations("Campaigns"),
    getTranslations("Units"),
    getTranslations("Providers"),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, "moment");
  const spelledDay = (day: string | undefined) => {
    const date = dayAsDate(day);
    return date ? format.dateTime(date, { ...formats.dateTime.day, timeZone: "UTC" }) : null;
  };
  const [page, options] = await Promise.all([
    listHistory(db, filters, { timeZone: settings.timeZone, after: one("after"), before: one("before") }),
    historyFilterOptions(db),
  ]);
  const rows: HistoryTableRow[] = page.rows.map((r) => ({
    id: String(r.id),
    // A held message hasn't gone out: show when it will, not when it was written.
    time: r.status === "scheduled" && r.scheduledAt ? t("sends", { when: when(r.scheduledAt) }) : when(r.listedAt),
    phone: r.phone,
    guest: r.contactName,
    campaignId: r.campaignId,
    campaignName: shownCampaignName({ name: r.campaignName, origin: r.campaignOrigin }, (origin) =>
      tCampaigns(`systemNames.${origin}`),
    ),
    provider: PROVIDER_LABELS[r.provider],
    sender: senderShown(r.provider, r.sender, null, tProviders),
    status: r.status,
    cost:
      r.cost === null
        ? "—"
        : r.status === "scheduled"
          ? t("held", { amount: amountText(tUnits, format, r.cost, r.provider) })
          : amountText(tUnits, format, r.cost, r.provider),
    segments: r.segments,
    reason: r.reason,
    excerpt: r.body.slice(0, 80),
  }));
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <HistoryFilterBar
        key={historyQuery(filters)}
        filters={filters}
        campaigns={options.campaigns}
        senders={options.senders}
        dayLabels={{
          from: spelledDay(filters.from),
          to: spelledDay(filters.to),
        }}
      />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <p>
          {t("timesIn", { zone: settings.timeZone })}{" "}
          {filtered ? (
            <Link href="/history" className="underline underline-offset-4">
              {t("clearFilters")}
            </Link>
          ) : null}
        </p>
        {isManager ? (
          <Button asChild variant="outline" size="sm">
            <a href={`/history/export${historyQuery(filters)}`} download>
              <Download aria-hidden /> {t("exportCsv")}
            </a>
          </Button>
        ) : null}
      </div>
      <HistoryTable
        rows={rows}
        listedWith={historyQuery(filters)}
        newerCursor={page.newerCursor}
        olderCursor={page.olderCursor}
      />
    </>
  );
}
