import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { PublicUrlWarning } from "@/components/public-url-warning";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listGroupOptions } from "@/lib/campaigns/compose/preview-audience";
import { exampleOptOutUrl } from "@/lib/consent/opt-out-link";
import { getDb } from "@/lib/db";
import { linkShortening } from "@/lib/links/link-codes";
import { listSavedTemplates } from "@/lib/messages/saved-templates";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { mapProviders } from "@/lib/sms/providers";
import { listTestRecipients } from "@/lib/test-sends/recipients";
import { ComposeForm } from "./compose-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Compose");
  return { title: t("title") };
}

export default async function Page({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const user = await requireUser();
  const t = await getTranslations("Compose");
  const db = getDb();
  const [restaurant, groups, providers, params, savedTemplates, testRecipients] = await Promise.all([
    getRestaurantSettings(db),
    listGroupOptions(db),
    resolveProviders(db),
    searchParams,
    listSavedTemplates(db),
    listTestRecipients(db, user.id),
  ]);
  const initialGroupId = groups.some((g) => g.id === params.group) ? params.group : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PublicUrlWarning />
      <ComposeForm
        restaurantName={restaurant.name}
        defaultLanguage={restaurant.defaultLocale}
        timeZone={restaurant.timeZone}
        quietHours={`${restaurant.quietHoursStart}–${restaurant.quietHoursEnd}`}
        groups={groups}
        defaultSenders={mapProviders((p) => providers[p].defaultSender)}
        canApprove={hasRole(user.role, "manager")}
        initialGroupId={initialGroupId}
        exampleOptOutUrl={exampleOptOutUrl()}
        linkShortening={linkShortening()}
        savedTemplates={savedTemplates}
        userId={user.id}
        testRecipients={testRecipients.map(({ value, label }) => ({ value, label }))}
      />
    </>
  );
}
