import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getContact } from "@/lib/contacts/manage-contacts";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ContactForm } from "../../contact-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Contacts.edit");
  return { title: t("title") };
}

const pad = (n: number) => String(n).padStart(2, "0");

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const [contact, settings] = await Promise.all([getContact(db, id), getRestaurantSettings(db)]);
  if (!contact) notFound();
  const t = await getTranslations("Contacts.edit");
  return (
    <>
      <PageHeader title={t("title")} description={formatPhone(contact.phone)} />
      <ContactForm
        defaultWording=""
        defaultCountry={settings.defaultCountry}
        initial={{
          id: contact.id,
          phone: formatPhone(contact.phone),
          firstName: contact.firstName,
          lastName: contact.lastName,
          birthday:
            contact.birthdayMonth && contact.birthdayDay
              ? `${pad(contact.birthdayMonth)}-${pad(contact.birthdayDay)}`
              : "",
          language: contact.language ?? "",
          notes: contact.notes,
          tags: contact.tags.join(", "),
        }}
      />
    </>
  );
}
