import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { cancelDeadline } from "@/lib/campaigns/campaign-controls";
import { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import { isMessageStatus, listCampaignMessages } from "@/lib/campaigns/list-campaign-messages";
import { RESENDABLE } from "@/lib/campaigns/resend-failed";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { getDb } from "@/lib/db";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";
import { AutoRefresh } from "../auto-refresh";
import { CampaignControls } from "./campaign-controls";
import { RescheduleForm } from "./reschedule-form";
import { ResendFailedButton } from "./resend-failed-button";
import { type RecipientRow, RecipientsTable } from "./recipients-table";

export const metadata: Metadata = { title: "Campaign" };

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CampaignPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [campaign, settings] = await Promise.all([getCampaign(db, id), getRestaurantSettings(db)]);
  if (!campaign) notFound();

  const query = await searchParams;
  const status = isMessageStatus(query.status) ? query.status : undefined;
  const page = typeof query.page === "string" && /^\d{1,6}$/.test(query.page) && Number(query.page) > 0 ? Number(query.page) : 1;
  const messages = await listCampaignMessages(db, id, { page, status });
  const progress = summarizeProgress(campaign.counts, campaign.recipientCount);
  const zone = (d: Date) => formatInZone(d, settings.timeZone);
  const deadline = cancelDeadline(campaign);
  const unit = campaign.provider === "cpsms" ? "points" : "units";
  const resendable = RESENDABLE.reduce((n, s) => n + (campaign.counts[s] ?? 0), 0);
  const active = ["queued", "sending"].includes(campaign.status) || (campaign.counts.accepted ?? 0) + (campaign.counts.buffered ?? 0) > 0;

  const rows: RecipientRow[] = messages.rows.map((m) => ({
    id: String(m.id),
    phone: m.phone,
    status: m.status,
    segments: m.segments,
    cost: m.cost,
    detail: m.errorMessage,
    sentAt: m.sentAt ? zone(m.sentAt) : null,
    deliveredAt: m.deliveredAt ? zone(m.deliveredAt) : null,
  }));

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${PROVIDER_LABELS[campaign.provider]} · ${campaign.sender ?? "default sender"} · ${NUMBER.format(campaign.recipientCount)} recipients`}
      />
      {active ? <AutoRefresh intervalMs={2000} /> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardContent className="space-y-4">
            <div className="flex flex-wrap items-center gap-3">
              <CampaignStatusBadge status={campaign.status} />
              <span className="text-sm text-muted-foreground">
                {campaign.scheduledAt ? `Scheduled for ${zone(campaign.scheduledAt)}` : `Created ${zone(campaign.createdAt)}`}
                {campaign.scheduledVia === "provider" ? " (held by CPSMS)" : ""}
              </span>
            </div>
            {campaign.pauseReason ? (
              <Alert variant={campaign.status === "paused" ? "warning" : "default"}>
                <AlertTitle>{campaign.status === "paused" ? "Paused" : "Note"}</AlertTitle>
                <AlertDescription>{campaign.pauseReason}</AlertDescription>
              </Alert>
            ) : null}
            <ProgressBar value={progress.percentDone} label="Sending progress" />
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="campaign-counts">
              {[
                ["Sent", progress.sent],
                ["Delivered", progress.delivered],
                ["Failed", progress.failed + progress.undelivered],
                ["Waiting", progress.pending],
              ].map(([label, value]) => (
                <div key={label} className="rounded-lg border p-3">
                  <dt className="text-xs text-muted-foreground">{label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{NUMBER.format(Number(value))}</dd>
                </div>
              ))}
            </dl>
            <p className="text-sm text-muted-foreground" data-testid="campaign-cost">
              Cost so far: {NUMBER.format(campaign.cost)} {unit}
              {progress.sent > 0 ? ` · ${NUMBER.format(campaign.cost / progress.sent)} ${unit} per message sent` : ""}
            </p>
            {hasRole(user.role, "manager") ? (
              <CampaignControls
                campaignId={campaign.id}
                status={campaign.status}
                heldByProvider={campaign.scheduledVia === "provider"}
                cancelUntil={deadline && campaign.status === "scheduled" ? zone(deadline) : null}
                cancelLocked={Boolean(deadline && campaign.status === "scheduled" && Date.now() >= deadline.getTime())}
              />
            ) : null}
            {hasRole(user.role, "manager") && campaign.scheduledAt && ["scheduled", "draft"].includes(campaign.status) ? (
              <RescheduleForm
                campaignId={campaign.id}
                current={formatInZone(campaign.scheduledAt, settings.timeZone, "yyyy-MM-dd'T'HH:mm")}
                timeZone={settings.timeZone}
              />
            ) : null}
            {hasRole(user.role, "manager") && resendable > 0 && !["queued", "sending", "draft"].includes(campaign.status) ? (
              <ResendFailedButton campaignId={campaign.id} failed={resendable} />
            ) : !hasRole(user.role, "manager") && campaign.status === "draft" ? (
              <p className="text-sm text-muted-foreground">A manager or owner must approve this draft before it is sent.</p>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="space-y-2">
            <h2 className="text-sm font-medium">Message</h2>
            <p className="text-sm whitespace-pre-wrap">{campaign.body}</p>
          </CardContent>
        </Card>
      </div>
      <section aria-labelledby="recipients-heading" className="mt-8 space-y-3">
        <h2 id="recipients-heading" className="text-lg font-semibold">
          Recipients
        </h2>
        <RecipientsTable rows={rows} total={messages.total} page={messages.page} pageCount={messages.pageCount} status={status ?? null} />
      </section>
      <p className="mt-6 text-sm">
        <Link href="/campaigns" className="underline underline-offset-4">
          All campaigns
        </Link>
      </p>
    </>
  );
}
