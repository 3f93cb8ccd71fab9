import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { defaultConsentWording } from "@/lib/consent/default-wording";
import { MAX_IMPORT_MB } from "@/lib/contacts/import/csv-file";
import { getDb } from "@/lib/db";
import { listGroupNames } from "@/lib/groups/manage-groups";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ImportWizard } from "./import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Contacts.import.page");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requireUser({ role: "manager" });
  const db = getDb();
  const [settings, groups, t] = await Promise.all([
    getRestaurantSettings(db),
    listGroupNames(db),
    getTranslations("Contacts.import.page"),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { max: MAX_IMPORT_MB, country: settings.defaultCountry })}
      />
      <p className="mb-4 text-sm">
        <Link href="/contacts/import-visits" className="underline underline-offset-2">
          {t("visitsLink")}
        </Link>
      </p>
      <ImportWizard
        maxBytes={MAX_IMPORT_MB * 1024 * 1024}
        groups={groups.map((g) => ({ id: g.id, name: g.name }))}
        defaultWording={await defaultConsentWording(settings.name)}
      />
    </>
  );
}
