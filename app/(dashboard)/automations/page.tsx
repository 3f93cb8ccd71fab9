import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AUTOMATION_KINDS } from "@/drizzle/schema/automations";
import { requireUser } from "@/lib/auth/session";
import { getAutomation } from "@/lib/automations/automation-settings";
import { previewAutomation } from "@/lib/automations/preview-automation";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { appNow } from "@/lib/time/test-clock";
import { automationSummary } from "./automation-summary";
import { AutomationSwitch } from "./automation-switch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Automations");
  return { title: t("title") };
}

export default async function AutomationsPage() {
  await requireUser({ role: "manager" });
  const db = getDb();
  const [restaurant, now] = await Promise.all([getRestaurantSettings(db), appNow(db)]);
  const t = await getTranslations("Automations");
  const format = await getFormatter();
  const rows = await Promise.all(
    AUTOMATION_KINDS.map(async (kind) => {
      const automation = await getAutomation(db, kind);
      const preview = await previewAutomation(db, automation, restaurant, now);
      return { automation, preview, summary: await automationSummary(automation) };
    }),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ul aria-label={t("list.label")} className="grid gap-4 md:grid-cols-2">
        {rows.map(({ automation: a, preview, summary }) => {
          const name = t(`kinds.${a.kind}.name`);
          const next = preview.sample[0]?.dueAt;
          return (
            <li key={a.kind}>
              <Card className="h-full" data-testid={`automation-${a.kind}`}>
                <CardHeader>
                  <CardTitle>
                    <h2 className="text-base font-semibold">
                      <Link href={`/automations/${a.kind}`} className="hover:underline">
                        {name}
                      </Link>
                    </h2>
                  </CardTitle>
                  <CardDescription>{summary}</CardDescription>
                  <CardAction>
                    <AutomationSwitch kind={a.kind} enabled={a.enabled} name={name} />
                  </CardAction>
                </CardHeader>
                <CardContent className="space-y-1 text-sm">
                  <p className="font-medium">{a.enabled ? t("list.on") : t("list.off")}</p>
                  <p className="text-muted-foreground">
                    {a.lastRunAt
                      ? t("list.lastRun", { time: format.dateTime(a.lastRunAt, "moment") })
                      : t("list.neverRun")}
                  </p>
                  <p className="text-muted-foreground">
                    {next
                      ? t("list.nextWeek", { count: preview.texted, time: format.dateTime(next, "moment") })
                      : t("list.nobodyDue")}
                  </p>
                  <p className="pt-2">
                    <Link
                      href={`/automations/${a.kind}`}
                      className="font-medium text-primary underline-offset-4 hover:underline"
                    >
                      {t("list.open", { name })}
                    </Link>
                  </p>
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
