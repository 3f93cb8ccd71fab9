import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Balances } from "@/components/dashboard/balances";
import { CostByProviderTable } from "@/components/dashboard/cost-by-provider";
import DeliveryCharts from "@/components/dashboard/delivery-charts";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { SignupCapWarning } from "@/components/dashboard/signup-cap-warning";
import { SignupPanel } from "@/components/dashboard/signup-panel";
import { UpcomingList } from "@/components/dashboard/upcoming-list";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import { PageHeader } from "@/components/page-header";
import { PublicUrlWarning } from "@/components/public-url-warning";
import { StoredText } from "@/components/stored-text";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { shownCampaignName } from "@/lib/campaigns/campaign-origin";
import { sharedDashboard } from "@/lib/dashboard/dashboard";
import { getDb } from "@/lib/db";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Home");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const db = getDb();
  const { timeZone } = await getRestaurantSettings(db);
  const { stats, costs, series, upcoming, awaitingApproval, failures, signups, capWarning } = await sharedDashboard({
    db,
    timeZone,
  });
  const isManager = hasRole(user.role, "manager");
  const [t, tCampaigns, format] = await Promise.all([
    getTranslations("Home"),
    getTranslations("Campaigns"),
    getFormatter(),
  ]);
  const at = (d: Date) => format.dateTime(d, "moment");
  const number = (n: number) => format.number(n, "amount");
  /** A sign-up text reads as what it is, in the reader's language. */
  const campaignName = (f: (typeof failures)[number]) =>
    shownCampaignName({ name: f.campaignName, origin: f.campaignOrigin }, (origin) =>
      tCampaigns(`systemNames.${origin}`),
    );
  const percent = (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 1 });

  return (
    <>
      <PageHeader
        title={t("welcome", { name: user.name.split(" ")[0] ?? "" })}
        description={t("description", { timeZone })}
      />
      <PublicUrlWarning />
      <div className="space-y-8">
        {isManager && capWarning ? <SignupCapWarning warning={capWarning} /> : null}
        <GettingStarted role={user.role} />
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading" className="sr-only">
            {t("figures.heading")}
          </h2>
          <div className="grid gap-3 md:grid-cols-3">
            {stats.map((s) => (
              <Card key={s.key} data-testid={`stats-${s.key}`}>
                <CardContent className="space-y-2">
                  <h3 className="text-sm font-medium text-muted-foreground">{t(`figures.periods.${s.key}`)}</h3>
                  <dl className="grid grid-cols-4 gap-2">
                    {[
                      [t("figures.sent"), number(s.sent), "sent"],
                      [t("figures.delivered"), number(s.delivered), "delivered"],
                      [t("figures.failed"), number(s.failed), "failed"],
                      [t("figures.rate"), s.rate === null ? "—" : percent(s.rate), "rate"],
                    ].map(([label, value, id]) => (
                      <div key={id} className="min-w-0">
                        <dt className="text-xs text-muted-foreground">{label}</dt>
                        <dd className="truncate text-lg font-semibold tabular-nums" data-testid={`${s.key}-${id}`}>
                          {value}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </CardContent>
              </Card>
            ))}
          </div>
        </section>

        <section aria-labelledby="money-heading" className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-3">
            <h2 id="money-heading" className="text-lg font-semibold">
              {t("money.heading")}
            </h2>
            <Suspense
              fallback={
                <div className="grid gap-3 sm:grid-cols-2">
                  <Skeleton className="h-24" />
                  <Skeleton className="h-24" />
                </div>
              }
            >
              <Balances upcoming={upcoming} />
            </Suspense>
            <CostByProviderTable costs={costs} />
          </div>
          <div className="space-y-3">
            {isManager && awaitingApproval.length > 0 ? (
              <>
                <h2 className="text-lg font-semibold">{t("awaitingApproval")}</h2>
                <UpcomingList items={awaitingApproval} testId="awaiting-approval" />
              </>
            ) : null}
            <h2 className="text-lg font-semibold">{t("comingUp")}</h2>
            {upcoming.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                {t.rich("nothingScheduled", {
                  link: (chunks) => (
                    <Link href="/compose" className="underline underline-offset-4">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : (
              <UpcomingList items={upcoming} testId="upcoming" />
            )}
          </div>
        </section>

        <SignupPanel stats={signups} canManage={isManager} />

        <section aria-labelledby="charts-heading" className="space-y-3">
          <h2 id="charts-heading" className="text-lg font-semibold">
            {t("charts.heading")}
          </h2>
          <DeliveryCharts series={series} />
        </section>

        <section aria-labelledby="failures-heading" className="space-y-3">
          <h2 id="failures-heading" className="text-lg font-semibold">
            {t("failures.heading")}
          </h2>
          {failures.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("failures.none")}</p>
          ) : (
            <ul className="divide-y rounded-lg border" data-testid="latest-failures">
              {failures.map((f) => (
                <li key={f.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[auto_1fr_auto] sm:items-center sm:gap-3">
                  <Link href={`/history/${f.id}`} className="font-mono text-xs underline-offset-4 hover:underline">
                    {f.phone}
                  </Link>
                  <span className="min-w-0 text-muted-foreground">
                    <DeliveryStateBadge status={f.status as MessageStatus} />{" "}
                    {f.reason ? <StoredText text={f.reason} /> : t("failures.noReason")}{" "}
                    <span className="text-xs">
                      ({campaignName(f)}, {PROVIDER_LABELS[f.provider]})
                    </span>
                  </span>
                  <span className="text-xs whitespace-nowrap text-muted-foreground">{at(f.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
