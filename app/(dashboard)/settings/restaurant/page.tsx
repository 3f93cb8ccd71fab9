import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { logoUrl, logoVersion } from "@/lib/restaurant/logo";
import { getFrequencyCapSetting, getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { FrequencyCapForm } from "./frequency-cap-form";
import { LogoForm } from "./logo-form";
import { RestaurantSettingsForm } from "./restaurant-settings-form";
import { RoutingForm } from "./routing-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings.restaurant");
  return { title: t("title") };
}

export default async function RestaurantSettingsPage() {
  await requireUser({ role: "owner" });
  const db = getDb();
  const [{ routes, ...settings }, version, { timeZone: _zone, ...cap }] = await Promise.all([
    getRestaurantSettings(db),
    logoVersion(db),
    getFrequencyCapSetting(db),
  ]);
  const zones = Intl.supportedValuesOf("timeZone");
  const t = await getTranslations("Settings.restaurant");
  return (
    <section aria-labelledby="restaurant-heading" className="space-y-4">
      <div>
        <h2 id="restaurant-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <RestaurantSettingsForm initial={settings} zones={zones} />
      <div className="border-t pt-6">
        <h2 id="cap-heading" className="text-lg font-semibold">
          {t("cap.heading")}
        </h2>
        <p className="mb-4 text-sm text-muted-foreground">{t("cap.intro")}</p>
        <FrequencyCapForm initial={cap} />
      </div>
      <div className="border-t pt-6">
        <h2 id="logo-heading" className="text-lg font-semibold">
          {t("logo.heading")}
        </h2>
        <p className="mb-4 text-sm text-muted-foreground">{t("logo.intro")}</p>
        <LogoForm src={logoUrl(version)} />
      </div>
      <div className="border-t pt-6">
        <h2 id="routing-heading" className="text-lg font-semibold">
          {t("routingHeading")}
        </h2>
        <p className="mb-4 text-sm text-muted-foreground">{t("routingIntro")}</p>
        <RoutingForm initial={{ rules: [...routes.rules], fallback: routes.fallback }} />
      </div>
    </section>
  );
}
