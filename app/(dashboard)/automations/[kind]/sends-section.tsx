import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RecentSend } from "@/lib/automations/recent-sends";

/** The automation's latest campaigns, each opening the campaign's own page (recipients and statuses). */
export async function RecentSendsSection({ sends }: { sends: RecentSend[] }) {
  const t = await getTranslations("Automations.sends");
  const tStatus = await getTranslations("Campaigns.status");
  const format = await getFormatter();
  return (
    <section aria-labelledby="sends-heading" className="space-y-3">
      <h2 id="sends-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {sends.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <ul className="divide-y rounded-lg border text-sm" aria-label={t("heading")}>
          {sends.map((s) => (
            <li key={s.campaignId} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <Link href={`/campaigns/${s.campaignId}`} className="font-medium underline-offset-4 hover:underline">
                  {format.dateTime(s.createdAt, "moment")}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {s.scheduledAt
                    ? t("heldUntil", { time: format.dateTime(s.scheduledAt, "moment") })
                    : tStatus(s.status)}
                </p>
              </div>
              <p className="tabular-nums">{t("counts", { sent: s.sent, recipients: s.recipients })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
