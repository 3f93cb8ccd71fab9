import "server-only";
import { createTranslator } from "use-intl/core";
import type { CampaignOrigin } from "@/drizzle/schema";
import { INTL_LOCALE, isStaffLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/**
 * The name a sign-up text's campaign is stored under ("Sign-up confirmation", "Welcome text"), in the
 * restaurant's default staff language: it is what history and the campaign page show for it.
 */
export async function systemCampaignName(origin: Exclude<CampaignOrigin, "compose">, defaultLocale: string) {
  const locale = isStaffLocale(defaultLocale) ? defaultLocale : "en";
  const t = createTranslator({
    locale: INTL_LOCALE[locale],
    messages: await loadMessages(locale),
    namespace: "Campaigns.systemNames",
  });
  return t(origin);
}
