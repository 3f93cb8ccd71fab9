import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { MAX_IMPORT_MB } from "@/lib/contacts/import/csv-file";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { VisitsImport } from "./visits-import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Contacts.visitsImport");
  return { title: t("title") };
}

/** Managers and owners: import a CSV of bookings or visits (preview, reasons per row, all or nothing). */
export default async function ImportVisitsPage() {
  await requireUser({ role: "manager" });
  const [settings, t] = await Promise.all([getRestaurantSettings(getDb()), getTranslations("Contacts.visitsImport")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { max: MAX_IMPORT_MB, timeZone: settings.timeZone })}
      />
      <VisitsImport maxBytes={MAX_IMPORT_MB * 1024 * 1024} />
    </>
  );
}
