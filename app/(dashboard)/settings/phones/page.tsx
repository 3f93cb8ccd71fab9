import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { listStaffPhones } from "@/lib/test-sends/staff-phones";
import { StaffPhonesManager } from "./staff-phones-manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings.phones");
  return { title: t("title") };
}

export default async function TestPhonesPage() {
  await requireUser({ role: "manager" });
  const phones = await listStaffPhones(getDb());
  const t = await getTranslations("Settings.phones");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold">{t("heading")}</h2>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <StaffPhonesManager phones={phones.map((p) => ({ id: p.id, name: p.name, phone: formatPhone(p.phone) }))} />
    </div>
  );
}
