"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { messageInfo } from "@/lib/messages/audience-stats";
import { exampleMergeValues } from "@/lib/messages/merge-field-catalogue";
import { exampleOfferUrl } from "@/lib/offers/offer-link-shape";

/** Example merge values, with the real-length opt-out and offer links when known (their length decides segments). */
export function exampleValues(exampleOptOutUrl?: string) {
  return {
    ...exampleMergeValues(),
    ...(exampleOptOutUrl ? { optOutUrl: exampleOptOutUrl, offerUrl: exampleOfferUrl(exampleOptOutUrl) } : {}),
  };
}

import { renderTemplate } from "@/lib/messages/merge-fields";
import { cn } from "@/lib/utils";
import { recipientDisplayName, type SampleRecipient } from "./sample-recipient";

/**
 * The message as one guest's phone will show it: sender name on top, the rendered text in a bubble, and its
 * segment count; previous/next step through the sample guests so fallbacks and long names can be checked.
 */
export function PhonePreview({
  template,
  recipients,
  restaurantName,
  senderName,
  className,
  exampleOptOutUrl,
}: {
  /** The template as sent, footer included. */
  template: string;
  recipients: readonly SampleRecipient[];
  restaurantName: string;
  /** Shown where the phone shows who the text is from (the sender name or number). */
  senderName: string;
  className?: string;
  /** The opt-out link of a real guest's length (from PUBLIC_URL), used when no guest is at hand. */
  exampleOptOutUrl?: string;
}) {
  const t = useTranslations("Compose.preview");
  const [index, setIndex] = useState(0);
  const current = recipients.length ? recipients[Math.min(index, recipients.length - 1)] : undefined;
  const position = current ? recipients.indexOf(current) : 0;
  const text = useMemo(
    () =>
      renderTemplate(template, {
        // Codes are drawn when the send is written: a sample guest shows the example code (the same length).
        offerCode: exampleMergeValues().offerCode,
        offerUrl: exampleOfferUrl(current?.optOutUrl ?? exampleOptOutUrl),
        ...(current ?? exampleValues(exampleOptOutUrl)),
        restaurant: restaurantName,
      }),
    [template, current, restaurantName, exampleOptOutUrl],
  );
  const info = useMemo(() => messageInfo(text), [text]);

  return (
    <section aria-label={t("label")} className={cn("space-y-3", className)}>
      <div className="mx-auto w-full max-w-xs overflow-hidden rounded-[2rem] border-4 border-foreground/80 bg-background shadow-sm">
        <div className="flex flex-col items-center gap-1 border-b bg-muted/50 px-4 pt-5 pb-3">
          <span
            aria-hidden
            className="grid size-9 place-items-center rounded-full bg-muted-foreground/70 text-sm font-semibold text-background"
          >
            {senderName.trim().charAt(0).toUpperCase() || "?"}
          </span>
          <span className="max-w-full truncate text-xs font-medium" data-testid="preview-sender">
            {senderName}
          </span>
        </div>
        <div className="min-h-48 px-3 py-4">
          {text.trim() ? (
            <p
              data-testid="preview-text"
              className="w-fit max-w-[85%] rounded-2xl rounded-bl-sm bg-muted px-3 py-2 text-sm break-words whitespace-pre-wrap text-foreground"
            >
              {text}
            </p>
          ) : (
            <p className="text-center text-xs text-muted-foreground">{t("empty")}</p>
          )}
        </div>
      </div>

      <div className="flex items-center justify-between gap-2">
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={t("previous")}
          disabled={position <= 0}
          onClick={() => setIndex(position - 1)}
        >
          <ChevronLeft />
        </Button>
        <p aria-live="polite" className="min-w-0 text-center text-xs text-muted-foreground">
          {current ? (
            <>
              <span className="block truncate font-medium text-foreground" data-testid="preview-recipient">
                {recipientDisplayName(current, t("noName"))}
              </span>
              {t("position", {
                position: position + 1,
                total: recipients.length,
                characters: info.characters,
                encoding: info.encoding,
                segments: info.segments,
              })}
            </>
          ) : (
            t("example", { segments: info.segments })
          )}
        </p>
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={t("next")}
          disabled={position >= recipients.length - 1}
          onClick={() => setIndex(position + 1)}
        >
          <ChevronRight />
        </Button>
      </div>
    </section>
  );
}
