import type { IntlLocale } from "@/lib/i18n/locales";
import type en from "@/messages/en";
import type { formats } from "./formats";

// Typed keys, locales and formats: a misspelt key or format name fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: IntlLocale;
    Messages: typeof en;
    Formats: typeof formats;
  }
}
