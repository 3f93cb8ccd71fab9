import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import { StoredText } from "@/components/stored-text";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { shownCampaignName } from "@/lib/campaigns/campaign-origin";
import { DELIVERY_STATE_OF } from "@/lib/campaigns/delivery-status";
import { senderShown } from "@/lib/campaigns/sender-shown";
import { getDb } from "@/lib/db";
import { getHistoryMessage, isEventSource } from "@/lib/history/message-detail";
import { amountText } from "@/lib/i18n/amount";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("History.message");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function MessagePage({ params }: Props) {
  await requireUser();
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  const db = getDb();
  const [detail, t, tHistory, tCampaigns, tUnits, tProviders, format] = await Promise.all([
    getHistoryMessage(db, Number(id)),
    getTranslations("History.message"),
    getTranslations("History"),
    getTranslations("Campaigns"),
    getTranslations("Units"),
    getTranslations("Providers"),
    getFormatter(),
  ]);
  if (!detail) notFound();
  const { message: m, campaign, contact, events } = detail;
  const at = (d: Date | null) => (d ? format.dateTime(d, "momentSeconds") : "—");
  const guest = contact ? `${contact.firstName} ${contact.lastName}`.trim() : null;
  const facts: [string, React.ReactNode][] = [
    [
      t("to"),
      <span key="to" className="font-mono">
        {m.phone}
      </span>,
    ],
    [t("guest"), guest || t("notInGuestBook")],
    [
      t("campaign"),
      <Link key="c" href={`/campaigns/${campaign.id}`} className="underline underline-offset-4">
        {shownCampaignName(campaign, (origin) => tCampaigns(`systemNames.${origin}`))}
      </Link>,
    ],
    [
      t("provider"),
      t("providerFrom", {
        provider: PROVIDER_LABELS[campaign.provider],
        sender: senderShown(campaign.provider, m.sender, campaign.sender, tProviders),
      }),
    ],
    [t("written"), at(m.createdAt)],
    [t("sent"), at(m.sentAt)],
    [t("delivered"), at(m.deliveredAt)],
    [t("lastChange"), at(m.statusChangedAt)],
    [t("segments"), t("segmentsValue", { count: m.segments, encoding: m.encoding })],
    [t("cost"), m.cost === null ? "—" : amountText(tUnits, format, m.cost, campaign.provider)],
    [t("providerId"), m.providerMessageId ?? m.reference ?? "—"],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/history" className="underline underline-offset-4">
          {t("allMessages")}
        </Link>
      </p>
      <Card>
        <CardContent className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-lg font-semibold">{t("heading", { id: m.id })}</h2>
            <DeliveryStateBadge status={m.status} />
            <span className="text-sm text-muted-foreground">
              {tHistory(`stateHelp.${DELIVERY_STATE_OF[m.status]}`)}
            </span>
          </div>
          {m.errorMessage ? (
            <p className="rounded-md border bg-muted/40 p-3 text-sm" data-testid="message-reason">
              <StoredText text={m.errorMessage} />
            </p>
          ) : null}
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="flex gap-2">
                <dt className="w-28 shrink-0 text-muted-foreground">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <div>
            <h3 className="mb-1 text-sm font-medium">{t("text")}</h3>
            <p className="rounded-md border p-3 text-sm whitespace-pre-wrap">{m.body}</p>
          </div>
        </CardContent>
      </Card>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          {t("timeline")}
        </h2>
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noEvents")}</p>
        ) : (
          <ol className="space-y-3 border-l pl-4" data-testid="message-timeline">
            {events.map((e) => (
              <li
                key={e.id}
                className={e.ignored ? "relative text-muted-foreground" : "relative"}
                data-ignored={e.ignored || undefined}
              >
                <span
                  className={`absolute top-1.5 -left-[21px] size-2.5 rounded-full ${e.ignored ? "border bg-background" : "bg-primary"}`}
                  aria-hidden
                />
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <time dateTime={e.at.toISOString()} className="tabular-nums">
                    {at(e.at)}
                  </time>
                  <Badge variant="outline" className={e.ignored ? "line-through" : undefined}>
                    {e.status}
                  </Badge>
                  <span className="text-muted-foreground">
                    {isEventSource(e.source)
                      ? tHistory(`eventSources.${e.source === "dlr-ignored" ? "dlrIgnored" : e.source}`)
                      : e.source}
                  </span>
                </div>
                {e.detail ? (
                  <p className="mt-0.5 text-sm text-muted-foreground">
                    <StoredText text={e.detail} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
