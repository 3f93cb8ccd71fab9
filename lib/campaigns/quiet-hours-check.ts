import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type Campaign, campaignMessages } from "@/drizzle/schema";
import { formatPhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { getRestaurantSettings, type RestaurantProfile } from "@/lib/settings/restaurant-settings";
import type { ProviderName } from "@/lib/sms/types";
import { formatInZone } from "@/lib/time/zoned";
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
  const send = `the ${PROVIDER_LABELS[context.provider]} send`;
  const who = (zone: string) => {
    const example = zones.get(zone) ?? "";
    const country = countryOfNumber(example);
    return `${country ? `guests in ${countryName(country)}` : "guests whose country is unknown (the restaurant's time counts)"} (e.g. ${formatPhone(example)})`;
  };
  const held = result.quietIn[0] ?? settings.timeZone;
  if (!result.opens) {
    const others = [...zones.keys()].find(
      (z) => countryOfNumber(zones.get(z) ?? "") !== countryOfNumber(zones.get(held) ?? ""),
    );
    throw new AppError(
      "INVALID_INPUT",
      `No time of day is outside quiet hours (${hours}) for every guest of ${send}: ${who(held)}${others ? ` and ${who(others)}` : ""} are never awake at the same time. Send to them in separate promotions.`,
    );
  }
  throw new AppError(
    "INVALID_INPUT",
    `${context.now ? "It is now" : "That time is"} within quiet hours (${hours}) for ${who(held)} of ${send}, when promotions are not sent. The earliest time allowed for every guest of that send is ${formatInZone(result.opens, settings.timeZone)} (${settings.timeZone} time).`,
  );
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
