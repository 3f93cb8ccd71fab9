import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CampaignFigures } from "@/components/campaigns/campaign-figures";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { cancelDeadline, submissionSiblings } from "@/lib/campaigns/campaign-controls";
import { campaignControls, isInProgress } from "@/lib/campaigns/campaign-lifecycle";
import { isSignupText, shownCampaignName } from "@/lib/campaigns/campaign-origin";
import { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import { loadRecipientTableParams, recipientTableParsers } from "@/lib/campaigns/campaign-table-params";
import { listCampaignMessages } from "@/lib/campaigns/list-campaign-messages";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { isWithProvider } from "@/lib/campaigns/message-lifecycle";
import { RESENDABLE } from "@/lib/campaigns/resend-failed";
import { campaignSenderShown } from "@/lib/campaigns/sender-shown";
import { storedText } from "@/lib/campaigns/stored-words";
import { getDb } from "@/lib/db";
import { amountText } from "@/lib/i18n/amount";
import { dirOf } from "@/lib/i18n/locales";
import { listedQuery } from "@/lib/paging/url-parsers";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { campaignReport } from "@/lib/reports/campaign-report";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { appNow } from "@/lib/time/test-clock";
import { formatInZone } from "@/lib/time/zoned";
import { AutoRefresh } from "../auto-refresh";
import { CampaignControls } from "./campaign-controls";
import { type RecipientRow, RecipientsTable } from "./recipients-table";
import { RescheduleForm } from "./reschedule-form";
import { ResendFailedButton } from "./resend-failed-button";
import { CampaignResultsSection } from "./results-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Campaigns.detail");
  return { title: t("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"Campaigns.detail">>>;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CampaignPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [campaign, settings] = await Promise.all([getCampaign(db, id), getRestaurantSettings(db)]);
  if (!campaign) notFound();

  const recipients = loadRecipientTableParams(await searchParams);
  // A draft has no results yet, and the sign-up page's texts carry no link or offer to report on.
  const reported = campaign.status !== "draft" && !isSignupText(campaign.origin);
  const [messages, siblings, report] = await Promise.all([
    listCampaignMessages(db, id, recipients),
    submissionSiblings(db, campaign),
    reported ? appNow(db).then((now) => campaignReport(db, campaign, { now, timeZone: settings.timeZone })) : null,
  ]);
  const progress = summarizeProgress(campaign.counts, campaign.recipientCount);
  const t = await getTranslations("Campaigns.detail");
  const tCampaigns = await getTranslations("Campaigns");
  const tUnits = await getTranslations("Units");
  const tProviders = await getTranslations("Providers");
  const tAll = await getTranslations();
  const format = await getFormatter();
  // Sentences the engine stored in English (pause and stop reasons) read in the reader's language.
  const stored = (text: string) => storedText(tAll, format, text);
  const zone = (d: Date) => format.dateTime(d, "moment");
  const deadline = cancelDeadline(campaign);
  const heldByProvider = campaign.scheduledVia === "provider" && campaign.status === "scheduled";
  const due = campaign.scheduledAt !== null && campaign.scheduledAt.getTime() <= Date.now();
  const locked = Boolean(deadline && Date.now() >= deadline.getTime());
  const resendable = RESENDABLE.reduce((n, s) => n + (campaign.counts[s] ?? 0), 0);
  const active =
    isInProgress(campaign.status) ||
    progress.waiting + (campaign.counts.accepted ?? 0) + (campaign.counts.buffered ?? 0) > 0 ||
    (heldByProvider && due);
  const isManager = hasRole(user.role, "manager");
  const controls = campaignControls({
    status: campaign.status,
    heldByProvider: campaign.scheduledVia === "provider",
    role: user.role,
    hasSendTime: campaign.scheduledAt !== null,
    due,
    cancelLocked: locked,
    failed: resendable,
    origin: campaign.origin,
  });

  const rows: RecipientRow[] = messages.rows.map((m) => ({
    id: String(m.id),
    phone: m.phone,
    contactId: m.contactId,
    name: m.name,
    status: m.status,
    segments: m.segments,
    cost: m.cost === null ? null : amountText(tUnits, format, m.cost, campaign.provider),
    detail: recipientDetail(t, m, { locked, zone, stored, provider: PROVIDER_LABELS[campaign.provider] }),
    sentAt: m.sentAt ? zone(m.sentAt) : null,
  }));

  return (
    <>
      <PageHeader
        title={shownCampaignName(campaign, (origin) => tCampaigns(`systemNames.${origin}`))}
        description={t("description", {
          provider: PROVIDER_LABELS[campaign.provider],
          sender: campaignSenderShown(campaign.provider, campaign.sendersUsed, campaign.sender, tProviders),
          count: campaign.recipientCount,
        })}
      />

      {active ? <AutoRefresh intervalMs={2000} /> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardContent className="space-y-4">
            <div className="flex flex-wrap items-center gap-3">
              <CampaignStatusBadge status={campaign.status} />
              <span className="text-sm text-muted-foreground" data-testid="campaign-when">
                {scheduleLine(t, campaign, { heldByProvider, due, zone, deadline, progress })}
              </span>
            </div>
            {isSignupText(campaign.origin) ? (
              <p className="text-sm text-muted-foreground" data-testid="signup-text-note">
                {t("signupText")}
              </p>
            ) : null}
            {campaign.pauseReason ? (
              <Alert variant={campaign.status === "paused" ? "warning" : "default"}>
                <AlertTitle>{campaign.status === "paused" ? t("paused") : t("note")}</AlertTitle>
                <AlertDescription>{stored(campaign.pauseReason)}</AlertDescription>
              </Alert>
            ) : null}
            {campaign.withdrawnHeld > 0 ? (
              <Alert variant="warning" data-testid="withdrawn-held">
                <AlertTitle>{t("withdrawnHeld.title", { count: campaign.withdrawnHeld })}</AlertTitle>
                <AlertDescription>{locked ? t("withdrawnHeld.locked") : t("withdrawnHeld.deleting")}</AlertDescription>
              </Alert>
            ) : null}
            {campaign.withdrawnSent > 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="withdrawn-sent">
                {t("withdrawnSent", { count: campaign.withdrawnSent })}
              </p>
            ) : null}
            {campaign.frequencyCapped > 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="frequency-capped">
                {t("frequencyCapped", { count: campaign.frequencyCapped })}
              </p>
            ) : null}
            {siblings.length > 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="submission-siblings">
                {t.rich("siblings", {
                  draft: campaign.status === "draft" ? "yes" : "no",
                  links: () =>
                    siblings.map((s, i) => (
                      <span key={s.id}>
                        {i > 0 ? ", " : ""}
                        <Link href={`/campaigns/${s.id}`} className="underline underline-offset-4">
                          {s.name}
                        </Link>
                      </span>
                    )),
                })}
              </p>
            ) : null}
            {/* Held or drafted, nothing is under way: the schedule line says when; a bar would suggest progress. */}
            {!["scheduled", "draft"].includes(campaign.status) ? (
              <ProgressBar value={progress.percentDone} label={t("sendingProgress")} />
            ) : null}
            <CampaignFigures
              provider={campaign.provider}
              progress={progress}
              costs={campaign.costs}
              scheduledFor={campaign.scheduledAt && !due ? zone(campaign.scheduledAt) : null}
            />
            {isManager ? (
              <CampaignControls
                campaignId={campaign.id}
                controls={controls}
                heldByProvider={campaign.scheduledVia === "provider"}
                cancelUntil={deadline && campaign.status === "scheduled" ? zone(deadline) : null}
                approveLabel={siblings.some((s) => s.status === "draft") ? t("approveBoth") : undefined}
              />
            ) : null}
            {controls.reschedule && campaign.scheduledAt ? (
              <RescheduleForm
                campaignId={campaign.id}
                current={formatInZone(campaign.scheduledAt, settings.timeZone, "yyyy-MM-dd'T'HH:mm")}
                timeZone={settings.timeZone}
              />
            ) : null}
            {controls.resendFailed ? (
              <ResendFailedButton campaignId={campaign.id} failed={resendable} />
            ) : controls.awaitsApproval ? (
              <p className="text-sm text-muted-foreground">{t("awaitsApproval")}</p>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="space-y-2">
            <h2 className="text-sm font-medium">{t("message")}</h2>
            {campaign.translations.length ? (
              <dl className="space-y-3 text-sm" data-testid="campaign-versions">
                {[
                  { language: campaign.language, message: campaign.body, main: true },
                  ...campaign.translations.map((v) => ({ ...v, main: false })),
                ].map((v) => (
                  <div key={v.language ?? "main"}>
                    <dt className="text-xs text-muted-foreground">
                      {v.main
                        ? t("mainVersion", { language: v.language ?? "other" })
                        : t("version", { language: v.language ?? "other" })}
                    </dt>
                    <dd
                      lang={v.language ?? undefined}
                      dir={v.language ? dirOf(v.language) : undefined}
                      className="break-words whitespace-pre-wrap"
                    >
                      {v.message}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="text-sm break-words whitespace-pre-wrap">{campaign.body}</p>
            )}
          </CardContent>
        </Card>
      </div>
      {report ? <CampaignResultsSection campaignId={campaign.id} report={report} canExport={isManager} /> : null}
      <section aria-labelledby="recipients-heading" className="mt-8 space-y-3">
        <h2 id="recipients-heading" className="text-lg font-semibold">
          {t("recipients")}
        </h2>
        <RecipientsTable
          rows={rows}
          total={messages.total}
          listedWith={listedQuery(recipientTableParsers, recipients)}
          nextCursor={messages.nextCursor}
          prevCursor={messages.prevCursor}
        />
      </section>
      <p className="mt-6 text-sm">
        <Link
          href={
            isSignupText(campaign.origin)
              ? "/campaigns?kind=signup"
              : campaign.origin === "automation"
                ? "/campaigns?kind=automation"
                : "/campaigns"
          }
          className="underline underline-offset-4"
        >
          {t("allCampaigns")}
        </Link>
      </p>
    </>
  );
}

type Line = {
  heldByProvider: boolean;
  due: boolean;
  zone: (d: Date) => string;
  deadline: Date | null;
  progress: ReturnType<typeof summarizeProgress>;
};

/** When the campaign goes (or went) out, in words: held is not sent, and "due" waits for CPSMS's word. */
function scheduleLine(
  t: T,
  campaign: { status: string; scheduledAt: Date | null; createdAt: Date; finishedAt: Date | null },
  line: Line,
): string {
  const { heldByProvider, due, zone, deadline, progress } = line;
  if (heldByProvider && campaign.scheduledAt) {
    if (due) {
      return progress.scheduled > 0
        ? t("line.dueWaiting", { when: zone(campaign.scheduledAt), count: progress.scheduled })
        : t("line.sentByCpsms", { when: zone(campaign.scheduledAt) });
    }
    const locked = deadline !== null && deadline.getTime() <= Date.now();
    return t("line.heldByCpsms", { when: zone(campaign.scheduledAt), locked: locked ? "yes" : "no" });
  }
  if (campaign.scheduledAt && campaign.status === "scheduled")
    return t("line.scheduled", { when: zone(campaign.scheduledAt) });
  if (campaign.status === "draft")
    return campaign.scheduledAt
      ? t("line.draftFor", { when: zone(campaign.scheduledAt) })
      : t("line.draftWritten", { when: zone(campaign.createdAt) });
  if (campaign.finishedAt) return t("line.finished", { when: zone(campaign.finishedAt) });
  return t("line.created", { when: zone(campaign.createdAt) });
}

/** A recipient's detail: the provider's reason, or why a withdrawn guest's message is (not) going out. */
function recipientDetail(
  t: T,
  m: { status: string; errorMessage: string | null; stopRequestedAt: Date | null; stopReason: string | null },
  options: { locked: boolean; zone: (d: Date) => string; stored: (text: string) => string; provider: string },
): string | null {
  if (m.stopRequestedAt && isWithProvider(m.status)) {
    const values = {
      reason: m.stopReason ? options.stored(m.stopReason) : t("stop.consentWithdrawn"),
      when: options.zone(m.stopRequestedAt),
      provider: options.provider,
    };
    return options.locked ? t("stop.locked", values) : t("stop.deleting", values);
  }
  if (m.stopRequestedAt && m.status !== "cancelled") {
    return t("stop.alreadyGone", {
      reason: m.stopReason ? options.stored(m.stopReason) : t("stop.consentWithdrawn"),
      when: options.zone(m.stopRequestedAt),
    });
  }
  return m.errorMessage;
}
