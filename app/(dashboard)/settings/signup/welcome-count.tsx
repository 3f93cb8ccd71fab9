"use client";

import { MessageCounter } from "@/components/sms/message-counter";
import type { GuestLocale } from "@/lib/i18n/locales";
import { exampleMergeValues } from "@/lib/messages/merge-field-catalogue";
import { renderMessage } from "@/lib/messages/render-message";
import { welcomeSmsText } from "@/lib/signup/welcome-text";

export type WelcomeCountProps = {
  id: string;
  message: string;
  offer: string;
  language: GuestLocale;
  restaurant: string;
  /** An opt-out link of a real guest's length: it is part of what is paid for. */
  exampleOptOutUrl: string;
};

/**
 * The count of the welcome text as a guest receives it: merge fields filled in with example values and the
 * opt-out line in its language added, exactly as lib/signup/queue-welcome.ts renders it.
 */
export function WelcomeCount({ id, message, offer, language, restaurant, exampleOptOutUrl }: WelcomeCountProps) {
  // An empty language is not sent (its guests get another language's text): nothing to count.
  if (!message.trim()) return <p id={id} className="h-4" />;
  const text = renderMessage(
    welcomeSmsText(message, offer),
    { ...exampleMergeValues(), restaurant, optOutUrl: exampleOptOutUrl },
    { optOutFooter: true, footerLanguage: language },
  );
  return <MessageCounter id={id} text={text} />;
}
