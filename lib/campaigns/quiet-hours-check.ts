import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type Campaign, campaignMessages } from "@/drizzle/schema";
import { formatPhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings, type RestaurantProfile } from "@/lib/settings/restaurant-settings";
import type { ProviderName } from "@/lib/sms/types";
import { momentParts } from "./moment-parts";
import { earliestAllowedInZones } from "./quiet-hours";
import { audienceTimeZones, countryName, countryOfNumber } from "./recipient-time-zones";

type QuietSettings = Pick<RestaurantProfile, "timeZone" | "quietHoursStart" | "quietHoursEnd">;

/**
 * Refuses a promotion whose send time falls in quiet hours for any of its guests, each in their own zone (from
 * the number's country; the restaurant's when unknown), naming the earliest time allowed for all of them. One
 * send = one provider's campaign, so a send routed to both providers is checked per provider.
 */
export function assertOutsideQuietHours(
  phones: Iterable<string>,
  at: Date,
  settings: QuietSettings,
  context: { now: boolean; provider: ProviderName },
): void {
  const zones = audienceTimeZones(phones, settings.timeZone);
  const hours = `${settings.quietHoursStart}–${settings.quietHoursEnd}`;
  const result = earliestAllowedInZones(at, [...zones.keys()], {
    start: settings.quietHoursStart,
    end: settings.quietHoursEnd,
  });
  if (result.ok) return;
  // The message is a catalogue key (Compose.quietHours.*); countries and the time go in as parts the catalogue
  // words in the reader's language (a country it doesn't name reads in English).
  const who = (zone: string, n: 1 | 2) => {
    const example = zones.get(zone) ?? "";
    const country = countryOfNumber(example);
    return {
      [`country${n}`]: country ?? "unknown",
      [`countryName${n}`]: country ? countryName(country) : "",
      [`phone${n}`]: formatPhone(example),
    };
  };
  const held = result.quietIn[0] ?? settings.timeZone;
  if (!result.opens) {
    const others = [...zones.keys()].find(
      (z) => countryOfNumber(zones.get(z) ?? "") !== countryOfNumber(zones.get(held) ?? ""),
    );
    throw new AppError("INVALID_INPUT", "Compose.quietHours.neverAwake", {
      hours,
      provider: PROVIDER_LABELS[context.provider],
      ...who(held, 1),
      ...(others ? who(others, 2) : { country2: "none", countryName2: "", phone2: "" }),
    });
  }
  throw new AppError("INVALID_INPUT", "Compose.quietHours.within", {
    now: context.now ? "yes" : "no",
    hours,
    provider: PROVIDER_LABELS[context.provider],
    ...who(held, 1),
    ...momentParts(result.opens, settings.timeZone),
    zone: settings.timeZone,
  });
}

/**
 * The same check for a campaign already written, as it is about to be sent (approved, resumed): its promotion
 * messages not yet sent, at `at`. Service messages are never held.
 */
export async function assertCampaignOutsideQuietHours(
  db: Database,
  campaign: Pick<Campaign, "id" | "category" | "provider">,
  at: Date,
): Promise<void> {
  if (campaign.category !== "marketing") return;
  const settings = await getRestaurantSettings(db);
  if (settings.quietHoursStart === settings.quietHoursEnd) return;
  const rows = await db
    .select({ phone: campaignMessages.phone })
    .from(campaignMessages)
    .where(
      and(eq(campaignMessages.campaignId, campaign.id), inArray(campaignMessages.status, ["queued", "scheduled"])),
    );
  assertOutsideQuietHours(
    rows.map((r) => r.phone),
    at,
    settings,
    { now: at.getTime() <= Date.now() + 60_000, provider: campaign.provider },
  );
}
