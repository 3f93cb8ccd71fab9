"use client";

import { useFormatter, useTranslations } from "next-intl";
import { storedText } from "@/lib/campaigns/stored-words";

/**
 * A sentence stored in English (a pause or stop reason, why a message wasn't sent, a repeating send's last run):
 * ours in the reader's language, anything else (a provider's own words) as stored. See lib/campaigns/stored-words.
 */
export function StoredText({ text }: { text: string }) {
  const t = useTranslations();
  const format = useFormatter();
  return storedText(t, format, text);
}
