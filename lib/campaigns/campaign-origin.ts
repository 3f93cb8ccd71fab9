// Plain data and pure functions (no database): the campaigns list's URL parsers and client components use it too.
import type { CampaignOrigin } from "@/drizzle/schema/campaigns";

/** Texts the sign-up page sends by itself, one guest each: the double opt-in confirmation and the welcome. */
export const SIGNUP_TEXT_ORIGINS = ["signup_confirmation", "welcome"] as const satisfies readonly CampaignOrigin[];
export type SignupTextOrigin = (typeof SIGNUP_TEXT_ORIGINS)[number];

/**
 * The campaigns list's views: what staff wrote (the default), the sign-up page's texts (one per guest) and the
 * automations' runs, which would otherwise bury the staff's campaigns.
 */
export const CAMPAIGN_LIST_KINDS = ["staff", "signup", "automation"] as const;
export type CampaignListKind = (typeof CAMPAIGN_LIST_KINDS)[number];

/** The origins each view of the campaigns list shows. */
export const ORIGINS_OF_KIND: Record<CampaignListKind, readonly CampaignOrigin[]> = {
  staff: ["compose"],
  signup: SIGNUP_TEXT_ORIGINS,
  automation: ["automation"],
};

/** True for a text the sign-up page sent by itself (not written by staff). */
export function isSignupText(origin: CampaignOrigin): origin is SignupTextOrigin {
  return (SIGNUP_TEXT_ORIGINS as readonly CampaignOrigin[]).includes(origin);
}

/**
 * The name a campaign is shown under: staff campaigns by their own name; a sign-up text by what it is, in the
 * reader's language (`label`), since its stored name is in the restaurant's default language.
 */
export function shownCampaignName(
  campaign: { name: string; origin: CampaignOrigin },
  label: (origin: SignupTextOrigin) => string,
): string {
  return isSignupText(campaign.origin) ? label(campaign.origin) : campaign.name;
}
