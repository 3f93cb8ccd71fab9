import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { RestaurantSettingsForm } from "./restaurant-settings-form";

export const metadata: Metadata = { title: "Restaurant" };

export default async function RestaurantSettingsPage() {
  await requireUser({ role: "owner" });
  const settings = await getRestaurantSettings(getDb());
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <section aria-labelledby="restaurant-heading" className="space-y-4">
      <div>
        <h2 id="restaurant-heading" className="text-lg font-semibold">
          Restaurant
        </h2>
        <p className="text-sm text-muted-foreground">
          How numbers without a country code are read, the time zone schedules are entered in, and when promotions
          may go out.
        </p>
      </div>
      <RestaurantSettingsForm initial={settings} zones={zones} />
    </section>
  );
}
