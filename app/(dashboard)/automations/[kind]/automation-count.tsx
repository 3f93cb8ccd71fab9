"use client";

import { MessageCounter } from "@/components/sms/message-counter";
import { automationSmsText } from "@/lib/automations/automation-text";
import type { GuestLocale } from "@/lib/i18n/locales";
import { exampleMergeValues } from "@/lib/messages/merge-field-catalogue";
import { renderMessage } from "@/lib/messages/render-message";

export type AutomationCountProps = {
  id: string;
  message: string;
  offer: string;
  language: GuestLocale;
  restaurant: string;
  /** An opt-out link of a real guest's length: it is part of what is paid for. */
  exampleOptOutUrl: string;
};

/**
 * The count of one language's text as a guest receives it: merge fields filled in with example values and the
 * opt-out line in its language added, exactly as lib/automations/evaluate-automation.ts renders it.
 */
export function AutomationCount({ id, message, offer, language, restaurant, exampleOptOutUrl }: AutomationCountProps) {
  if (!message.trim()) return <p id={id} className="h-4" />;
  const text = renderMessage(
    automationSmsText(message, offer),
    { ...exampleMergeValues(), restaurant, optOutUrl: exampleOptOutUrl },
    { optOutFooter: true, footerLanguage: language },
  );
  return <MessageCounter id={id} text={text} />;
}
