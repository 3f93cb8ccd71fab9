import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { RestaurantSettingsForm } from "./restaurant-settings-form";
import { RoutingForm } from "./routing-form";

export const metadata: Metadata = { title: "Restaurant" };

export default async function RestaurantSettingsPage() {
  await requireUser({ role: "owner" });
  const { routes, ...settings } = await getRestaurantSettings(getDb());
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <section aria-labelledby="restaurant-heading" className="space-y-4">
      <div>
        <h2 id="restaurant-heading" className="text-lg font-semibold">
          Restaurant
        </h2>
        <p className="text-sm text-muted-foreground">
          How numbers without a country code are read, the time zone schedules are entered in, and when promotions may
          go out.
        </p>
      </div>
      <RestaurantSettingsForm initial={settings} zones={zones} />
      <div className="border-t pt-6">
        <h2 id="routing-heading" className="text-lg font-semibold">
          Provider routing
        </h2>
        <p className="mb-4 text-sm text-muted-foreground">
          Which provider &ldquo;Automatic&rdquo; uses for each number prefix on the compose page (the longest matching
          prefix wins).
        </p>
        <RoutingForm initial={{ rules: [...routes.rules], fallback: routes.fallback }} />
      </div>
    </section>
  );
}
