import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { defaultConsentWording } from "@/lib/consent/default-wording";
import { MAX_IMPORT_MB } from "@/lib/contacts/import/csv-file";
import { getDb } from "@/lib/db";
import { listGroupNames } from "@/lib/groups/manage-groups";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import guests" };

export default async function ImportPage() {
  await requireUser({ role: "manager" });
  const db = getDb();
  const [settings, groups] = await Promise.all([getRestaurantSettings(db), listGroupNames(db)]);
  return (
    <>
      <PageHeader
        title="Import guests"
        description={`A CSV file of up to ${MAX_IMPORT_MB} MB, saved as "CSV UTF-8". Numbers without a country code are read as ${settings.defaultCountry}. Nothing is saved until you press Import, and an import either completes or changes nothing.`}
      />
      <ImportWizard
        maxBytes={MAX_IMPORT_MB * 1024 * 1024}
        groups={groups.map((g) => ({ id: g.id, name: g.name }))}
        defaultWording={await defaultConsentWording(settings.name)}
      />
    </>
  );
}
