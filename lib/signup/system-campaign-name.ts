import "server-only";
import type { CampaignOrigin } from "@/drizzle/schema";
import { isStaffLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";

/**
 * The name a sign-up text's campaign is stored under ("Sign-up confirmation", "Welcome text"), in the
 * restaurant's default staff language: it is what history and the campaign page show for it.
 */
export async function systemCampaignName(origin: Exclude<CampaignOrigin, "compose">, defaultLocale: string) {
  const locale = isStaffLocale(defaultLocale) ? defaultLocale : "en";
  return localizeMessage(`Campaigns.systemNames.${origin}`, undefined, locale);
}
