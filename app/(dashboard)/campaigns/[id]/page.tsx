import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import { loadRecipientTableParams, recipientTableParsers } from "@/lib/campaigns/campaign-table-params";
import { listCampaignMessages } from "@/lib/campaigns/list-campaign-messages";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { isWithProvider } from "@/lib/campaigns/message-lifecycle";
import { RESENDABLE } from "@/lib/campaigns/resend-failed";
import { campaignSenderShown } from "@/lib/campaigns/sender-shown";
import { getDb } from "@/lib/db";
import { formatAmount } from "@/lib/format/amount";
import { listedQuery } from "@/lib/paging/url-parsers";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";
import { AutoRefresh } from "../auto-refresh";
import { CampaignControls } from "./campaign-controls";
import { type RecipientRow, RecipientsTable } from "./recipients-table";
import { RescheduleForm } from "./reschedule-form";
import { ResendFailedButton } from "./resend-failed-button";

export const metadata: Metadata = { title: "Campaign" };

const NUMBER = new Intl.NumberFormat("en-GB");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CampaignPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [campaign, settings] = await Promise.all([getCampaign(db, id), getRestaurantSettings(db)]);
  if (!campaign) notFound();

  const recipients = loadRecipientTableParams(await searchParams);
  const [messages, siblings] = await Promise.all([
    listCampaignMessages(db, id, recipients),
    submissionSiblings(db, campaign),
  ]);
  const progress = summarizeProgress(campaign.counts, campaign.recipientCount);
  const zone = (d: Date) => formatInZone(d, settings.timeZone);
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
  });

  const rows: RecipientRow[] = messages.rows.map((m) => ({
    id: String(m.id),
    phone: m.phone,
    contactId: m.contactId,
    name: m.name,
    status: m.status,
    segments: m.segments,
    cost: m.cost === null ? null : formatAmount(m.cost, campaign.provider),
    detail: recipientDetail(m, { locked, zone, provider: PROVIDER_LABELS[campaign.provider] }),
    sentAt: m.sentAt ? zone(m.sentAt) : null,
  }));

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${PROVIDER_LABELS[campaign.provider]} · from ${campaignSenderShown(campaign.provider, campaign.sendersUsed, campaign.sender)} · ${NUMBER.format(campaign.recipientCount)} ${campaign.recipientCount === 1 ? "recipient" : "recipients"}`}
      />
      {active ? <AutoRefresh intervalMs={2000} /> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardContent className="space-y-4">
            <div className="flex flex-wrap items-center gap-3">
              <CampaignStatusBadge status={campaign.status} />
              <span className="text-sm text-muted-foreground" data-testid="campaign-when">
                {scheduleLine(campaign, { heldByProvider, due, zone, deadline, progress })}
              </span>
            </div>
            {campaign.pauseReason ? (
              <Alert variant={campaign.status === "paused" ? "warning" : "default"}>
                <AlertTitle>{campaign.status === "paused" ? "Paused" : "Note"}</AlertTitle>
                <AlertDescription>{campaign.pauseReason}</AlertDescription>
              </Alert>
            ) : null}
            {campaign.withdrawnHeld > 0 ? (
              <Alert variant="warning" data-testid="withdrawn-held">
                <AlertTitle>
                  {NUMBER.format(campaign.withdrawnHeld)} {campaign.withdrawnHeld === 1 ? "guest" : "guests"} withdrew
                  consent after CPSMS took this campaign
                </AlertTitle>
                <AlertDescription>
                  {locked
                    ? "CPSMS no longer allows deleting messages this close to the send time (10 minutes), so their messages may still go out."
                    : "Their messages are being deleted at CPSMS; the rest of the campaign stays scheduled."}
                </AlertDescription>
              </Alert>
            ) : null}
            {campaign.withdrawnSent > 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="withdrawn-sent">
                {NUMBER.format(campaign.withdrawnSent)} {campaign.withdrawnSent === 1 ? "message" : "messages"} went out
                although the guest had withdrawn consent: it was already on its way, or inside CPSMS's 10-minute lock.
              </p>
            ) : null}
            {siblings.length > 0 ? (
              <p className="text-sm text-muted-foreground" data-testid="submission-siblings">
                Sent together with{" "}
                {siblings.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 ? ", " : ""}
                    <Link href={`/campaigns/${s.id}`} className="underline underline-offset-4">
                      {s.name}
                    </Link>
                  </span>
                ))}{" "}
                (routing split the audience by provider)
                {campaign.status === "draft" ? "; approving one approves both" : ""}.
              </p>
            ) : null}
            {/* Held or drafted, nothing is under way: the schedule line says when; a bar would suggest progress. */}
            {!["scheduled", "draft"].includes(campaign.status) ? (
              <ProgressBar value={progress.percentDone} label="Sending progress" />
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
                approveLabel={siblings.some((s) => s.status === "draft") ? "Approve both and send" : undefined}
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
              <p className="text-sm text-muted-foreground">
                A manager or owner must approve this draft before it is sent.
              </p>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="space-y-2">
            <h2 className="text-sm font-medium">Message</h2>
            <p className="text-sm break-words whitespace-pre-wrap">{campaign.body}</p>
          </CardContent>
        </Card>
      </div>
      <section aria-labelledby="recipients-heading" className="mt-8 space-y-3">
        <h2 id="recipients-heading" className="text-lg font-semibold">
          Recipients
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
        <Link href="/campaigns" className="underline underline-offset-4">
          All campaigns
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
  campaign: { status: string; scheduledAt: Date | null; createdAt: Date; finishedAt: Date | null },
  line: Line,
): string {
  const { heldByProvider, due, zone, deadline, progress } = line;
  if (heldByProvider && campaign.scheduledAt) {
    if (due) {
      return progress.scheduled > 0
        ? `CPSMS was due to send it ${zone(campaign.scheduledAt)}; waiting for CPSMS to confirm ${NUMBER.format(progress.scheduled)} ${progress.scheduled === 1 ? "message" : "messages"}.`
        : `Sent by CPSMS ${zone(campaign.scheduledAt)}.`;
    }
    const locked =
      deadline !== null && deadline.getTime() <= Date.now() ? " Too close to the send time to cancel." : "";
    return `Scheduled for ${zone(campaign.scheduledAt)}, held by CPSMS.${locked}`;
  }
  if (campaign.scheduledAt && campaign.status === "scheduled") return `Scheduled for ${zone(campaign.scheduledAt)}.`;
  if (campaign.status === "draft")
    return campaign.scheduledAt
      ? `Draft for ${zone(campaign.scheduledAt)}.`
      : `Draft written ${zone(campaign.createdAt)}.`;
  if (campaign.finishedAt) return `Finished ${zone(campaign.finishedAt)}.`;
  return `Created ${zone(campaign.createdAt)}.`;
}

/** A recipient's detail: the provider's reason, or why a withdrawn guest's message is (not) going out. */
function recipientDetail(
  m: { status: string; errorMessage: string | null; stopRequestedAt: Date | null; stopReason: string | null },
  options: { locked: boolean; zone: (d: Date) => string; provider: string },
): string | null {
  if (m.stopRequestedAt && isWithProvider(m.status)) {
    const why = `${m.stopReason ?? "Consent withdrawn"} (${options.zone(m.stopRequestedAt)}).`;
    return options.locked
      ? `${why} ${options.provider} holds it and no longer allows deleting it: it may still go out.`
      : `${why} Being deleted at ${options.provider}.`;
  }
  if (m.stopRequestedAt && m.status !== "cancelled") {
    return `${m.stopReason ?? "Consent withdrawn"} (${options.zone(m.stopRequestedAt)}), but it had already gone to the provider.`;
  }
  return m.errorMessage;
}
