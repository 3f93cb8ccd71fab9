import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { defaultConsentWording } from "@/lib/consent/default-wording";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ContactForm } from "../contact-form";

export const metadata: Metadata = { title: "Add guest" };

export default async function NewContactPage() {
  await requireUser();
  const settings = await getRestaurantSettings(getDb());
  return (
    <>
      <PageHeader
        title="Add guest"
        description="One guest per phone number. Record consent only when the guest actually gave it."
      />
      <ContactForm defaultWording={defaultConsentWording(settings.name)} defaultCountry={settings.defaultCountry} />
    </>
  );
}
