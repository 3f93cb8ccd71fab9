"use client";

import { MessageCounter } from "@/components/sms/message-counter";
import { automationSmsText } from "@/lib/automations/automation-text";
import type { GuestLocale } from "@/lib/i18n/locales";
import { type LinkShortening, withExampleShortLinks } from "@/lib/links/short-link";
import { exampleMergeValues } from "@/lib/messages/merge-field-catalogue";
import { renderMessage } from "@/lib/messages/render-message";
import { exampleOfferUrl } from "@/lib/offers/offer-link-shape";

export type AutomationCountProps = {
  id: string;
  message: string;
  offer: string;
  language: GuestLocale;
  restaurant: string;
  /** An opt-out link of a real guest's length: it is part of what is paid for. */
  exampleOptOutUrl: string;
  /** Links are sent as short links (lib/links): counted with one of the real length. */
  linkShortening: LinkShortening;
};

/**
 * The count of one language's text as a guest receives it: merge fields filled in with example values and the
 * opt-out line in its language added, exactly as lib/automations/evaluate-automation.ts renders it.
 */
export function AutomationCount(props: AutomationCountProps) {
  const { id, message, offer, language, restaurant, exampleOptOutUrl } = props;
  if (!message.trim()) return <p id={id} className="h-4" />;
  const text = renderMessage(
    withExampleShortLinks(automationSmsText(message, offer), props.linkShortening),
    { ...exampleMergeValues(), restaurant, optOutUrl: exampleOptOutUrl, offerUrl: exampleOfferUrl(exampleOptOutUrl) },
    { optOutFooter: true, footerLanguage: language },
  );
  return <MessageCounter id={id} text={text} />;
}
