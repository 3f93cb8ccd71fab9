import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { currencyOfCountry } from "@/lib/format/currency";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { RedeemBox } from "./redeem-box";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Redeem");
  return { title: t("title") };
}

/** The till's page: type a guest's offer code, see what it is worth and to whom, mark it redeemed once. */
export default async function RedeemPage() {
  await requireUser({ role: "staff" });
  const settings = await getRestaurantSettings(getDb());
  const t = await getTranslations("Redeem");
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} description={t("description")} />
      <RedeemBox currency={currencyOfCountry(settings.defaultCountry)} />
    </div>
  );
}
