import { getTranslations } from "next-intl/server";

/**
 * The consent sentence offered by default, in the staff member's language (staff may edit it to what the guest
 * actually saw or heard; the wording saved is the proof).
 */
export async function defaultConsentWording(restaurantName: string): Promise<string> {
  const t = await getTranslations("Contacts.consent");
  return t("defaultWording", { restaurant: restaurantName });
}
