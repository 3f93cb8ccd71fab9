import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { defaultConsentWording } from "@/lib/consent/default-wording";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ContactForm } from "../contact-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Contacts.new");
  return { title: t("title") };
}

export default async function NewContactPage() {
  await requireUser();
  const settings = await getRestaurantSettings(getDb());
  const t = await getTranslations("Contacts.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ContactForm
        defaultWording={await defaultConsentWording(settings.name)}
        defaultCountry={settings.defaultCountry}
      />
    </>
  );
}
