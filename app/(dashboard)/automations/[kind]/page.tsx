import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { AUTOMATION_KINDS, type AutomationKind } from "@/drizzle/schema/automations";
import { requireUser } from "@/lib/auth/session";
import { getAutomation } from "@/lib/automations/automation-settings";
import { previewAutomation } from "@/lib/automations/preview-automation";
import { recentSends } from "@/lib/automations/recent-sends";
import { exampleOptOutUrl } from "@/lib/consent/opt-out-link";
import { getDb } from "@/lib/db";
import { linkShortening } from "@/lib/links/link-codes";
import { automationReport } from "@/lib/reports/automation-report";
import { parseReportPeriod } from "@/lib/reports/report-period";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { appNow } from "@/lib/time/test-clock";
import { automationForm } from "@/lib/validation/automations";
import { automationSummary } from "../automation-summary";
import { AutomationForm } from "./automation-form";
import { AutomationPreviewSection } from "./preview-section";
import { AutomationReportSection } from "./report-section";
import { HoldoutResultsSection } from "./results-section";
import { RecentSendsSection } from "./sends-section";

type Props = {
  params: Promise<{ kind: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

function kindOf(value: string): AutomationKind {
  const kind = AUTOMATION_KINDS.find((k) => k === value);
  if (!kind) notFound();
  return kind;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("Automations");
  const { kind: value } = await params;
  const kind = AUTOMATION_KINDS.find((k) => k === value);
  return { title: kind ? t(`kinds.${kind}.name`) : t("title") };
}

export default async function AutomationPage({ params, searchParams }: Props) {
  await requireUser({ role: "manager" });
  const kind = kindOf((await params).kind);
  const period = parseReportPeriod((await searchParams)?.days);
  const db = getDb();
  const [automation, restaurant, now] = await Promise.all([
    getAutomation(db, kind),
    getRestaurantSettings(db),
    appNow(db),
  ]);
  const [preview, sends, report] = await Promise.all([
    previewAutomation(db, automation, restaurant, now),
    recentSends(db, kind),
    automationReport(db, kind, { now, period, timeZone: restaurant.timeZone }),
  ]);
  const t = await getTranslations("Automations");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link
          href="/automations"
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden /> {t("title")}
        </Link>
      </p>
      <PageHeader title={t(`kinds.${kind}.name`)} description={await automationSummary(automation)} />
      <div className="space-y-10">
        <AutomationPreviewSection preview={preview} enabled={automation.enabled} kind={kind} />
        <AutomationForm
          initial={automationForm(automation)}
          restaurant={restaurant.name}
          exampleOptOutUrl={exampleOptOutUrl()}
          linkShortening={linkShortening()}
        />
        <RecentSendsSection sends={sends} />
        <AutomationReportSection kind={kind} report={report} />
        <HoldoutResultsSection results={report.holdout} holdoutPercent={automation.holdoutPercent} />
      </div>
    </div>
  );
}
