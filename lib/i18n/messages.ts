import type { AppLocale } from "./locales";

/**
 * A locale's whole catalogue. Urdu holds only the guest namespaces; English fills the rest so a staff string
 * can never show as a raw key (no Urdu reader sees a staff page: staff choose Danish or English).
 */
export async function loadMessages(locale: AppLocale) {
  const en = (await import("@/messages/en")).default;
  if (locale === "en") return en;
  if (locale === "da") return (await import("@/messages/da")).default;
  return { ...en, ...(await import("@/messages/ur")).default };
}

export type AppMessages = Awaited<ReturnType<typeof loadMessages>>;
