import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeliveryStateBadge } from "@/components/history/delivery-state-badge";
import { StoredText } from "@/components/stored-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cancelDeadline } from "@/lib/campaigns/campaign-controls";
import { shownCampaignName } from "@/lib/campaigns/campaign-origin";
import { guestMessages } from "@/lib/campaigns/guest-messages";
import { isWithProvider } from "@/lib/campaigns/message-lifecycle";
import { getDb } from "@/lib/db";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";

/**
 * The guest's messages: what went out, what didn't and why (a withdrawal cancels what hasn't gone out), and a
 * plain warning when CPSMS holds one it no longer allows deleting, so staff can tell the guest the truth.
 */
export async function GuestMessages({ contact }: { contact: { id: string; phone: string } }) {
  const [listed, t, tCampaigns, format] = await Promise.all([
    guestMessages(getDb(), contact),
    getTranslations("Contacts.messages"),
    getTranslations("Campaigns"),
    getFormatter(),
  ]);
  // A sign-up text (the welcome) reads as what it is, in the reader's language.
  const rows = listed.map((r) => ({
    ...r,
    campaignName: shownCampaignName({ name: r.campaignName, origin: r.campaignOrigin }, (origin) =>
      tCampaigns(`systemNames.${origin}`),
    ),
  }));
  const when = (d: Date) => format.dateTime(d, "moment");
  const stillHeld = rows.filter((r) => r.stopRequestedAt && isWithProvider(r.status));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {stillHeld.map((r) => {
          const deadline = cancelDeadline(r);
          const locked = !deadline || Date.now() >= deadline.getTime();
          return (
            <Alert key={r.id} variant="warning" data-testid="guest-held-warning">
              <AlertTitle>{locked ? t("lockedTitle") : t("deletingTitle")}</AlertTitle>
              <AlertDescription>
                {locked
                  ? r.scheduledAt
                    ? t("locked", { campaign: r.campaignName, when: when(r.scheduledAt) })
                    : t("lockedNow", { campaign: r.campaignName })
                  : r.scheduledAt
                    ? t("deleting", { campaign: r.campaignName, when: when(r.scheduledAt) })
                    : t("deletingSoon", { campaign: r.campaignName })}
              </AlertDescription>
            </Alert>
          );
        })}
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="divide-y text-sm" data-testid="guest-messages">
            {rows.map((r) => (
              <li
                key={r.id}
                className="grid gap-1 py-2 sm:grid-cols-[1fr_auto] sm:items-start sm:gap-3"
                data-status={r.status}
              >
                <div className="min-w-0">
                  <Link href={`/campaigns/${r.campaignId}`} className="font-medium underline-offset-4 hover:underline">
                    {r.campaignName}
                  </Link>{" "}
                  <span className="text-xs text-muted-foreground">{PROVIDER_LABELS[r.provider]}</span>
                  {r.errorMessage ? (
                    <p className="text-muted-foreground">
                      <StoredText text={r.errorMessage} />
                    </p>
                  ) : null}
                </div>
                <div className="flex items-center gap-2 sm:justify-end">
                  <DeliveryStateBadge status={r.status} />
                  <Link
                    href={`/history/${r.id}`}
                    className="text-xs whitespace-nowrap text-muted-foreground underline-offset-4 hover:underline"
                  >
                    {when(r.sentAt ?? r.listedAt)}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
