import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { type Campaign, signups } from "@/drizzle/schema";
import { insertCampaign } from "@/lib/campaigns/create-campaign";
import { earliestAllowedInZones, quietHoursConflict } from "@/lib/campaigns/quiet-hours";
import { timeZonesOfNumber } from "@/lib/campaigns/recipient-time-zones";
import { routeProvider } from "@/lib/campaigns/route-provider";
import { optOutUrl } from "@/lib/consent/opt-out-link";
import type { Database } from "@/lib/db";
import type { GuestLocale } from "@/lib/i18n/locales";
import { renderMessage } from "@/lib/messages/render-message";
import type { RestaurantProfile } from "@/lib/settings/restaurant-settings";
import { pickLanguage, type SignupSettingsValues } from "./signup-settings";
import { systemCampaignName } from "./system-campaign-name";
import { welcomeSmsText } from "./welcome-text";

type Guest = { id: string; phone: string; firstName: string; lastName: string; optOutToken: string };

/**
 * Writes the welcome text for a guest who has just confirmed, when Settings > Sign-up has one: a one-recipient
 * promotion (consent and suppression are checked again as it is sent), in the guest's language with the offer
 * and the opt-out footer, routed like any send. During quiet hours it is scheduled for when they end, in the
 * guest's zone, instead of being dropped. Once per guest, ever: null when they were welcomed before or no text
 * is set. Runs inside the confirmation's transaction; the caller queues the campaign after it commits.
 */
export async function queueWelcome(
  tx: Database,
  input: { guest: Guest; language: GuestLocale; settings: SignupSettingsValues; restaurant: RestaurantProfile },
  now = new Date(),
): Promise<Campaign | null> {
  const { guest, settings, restaurant } = input;
  if (!settings.welcomeEnabled) return null;
  const message = pickLanguage(settings.welcomeMessage, input.language, restaurant.defaultLocale);
  if (!message) return null;
  const [welcomed] = await tx
    .select({ id: signups.id })
    .from(signups)
    .where(and(eq(signups.contactId, guest.id), isNotNull(signups.welcomeCampaignId)))
    .limit(1);
  if (welcomed) return null;
  const template = welcomeSmsText(message.text, settings.welcomeOffer[message.language]);
  const body = renderMessage(
    template,
    {
      firstName: guest.firstName,
      lastName: guest.lastName,
      restaurant: restaurant.name,
      optOutUrl: optOutUrl(guest.optOutToken),
    },
    { optOutFooter: true, footerLanguage: message.language },
  );
  return insertCampaign(tx, null, {
    name: await systemCampaignName("welcome", restaurant.defaultLocale),
    provider: routeProvider(guest.phone, restaurant.routes),
    sender: null,
    template,
    language: message.language,
    category: "marketing",
    origin: "welcome",
    optOutFooter: true,
    recipients: [{ phone: guest.phone, contactId: guest.id, body }],
    scheduledAt: welcomeTime(guest.phone, restaurant, now),
    expireAfterMinutes: null,
    approved: true,
  });
}

/** null (now) outside quiet hours; else when they end where the guest is (the restaurant's zone if unknown). */
function welcomeTime(phone: string, restaurant: RestaurantProfile, now: Date): Date | null {
  const hours = { start: restaurant.quietHoursStart, end: restaurant.quietHoursEnd };
  const check = earliestAllowedInZones(now, timeZonesOfNumber(phone) ?? [restaurant.timeZone], hours);
  if (check.ok) return null;
  return check.opens ?? quietHoursConflict(now, restaurant.timeZone, hours.start, hours.end);
}
