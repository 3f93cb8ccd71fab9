"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useAction } from "@/lib/actions/use-action";
import { toast } from "@/lib/toast/toast";
import { FREQUENCY_CAP_LIMITS, type FrequencyCapInput } from "@/lib/validation/restaurant";
import { saveFrequencyCapAction } from "./actions";

type Field = keyof FrequencyCapInput;

/** At most N promotions per guest in any D days, over every campaign and automation together. */
export function FrequencyCapForm({ initial }: { initial: FrequencyCapInput }) {
  const t = useTranslations("Settings.restaurant.cap");
  const tCommon = useTranslations("Common");
  const [enabled, setEnabled] = useState(initial.enabled);
  // As typed: an empty or odd entry reaches the server as it is and comes back with its own message.
  const [messages, setMessages] = useState(String(initial.messages));
  const [days, setDays] = useState(String(initial.days));
  const save = useAction(saveFrequencyCapAction, {
    errors: "inline",
    success: t("saved"),
    onError: (error) => {
      if (!error.fieldErrors) toast.error(error.message);
    },
  });
  const errors: Partial<Record<Field, string>> = Object.fromEntries(
    Object.entries(save.error?.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0]]),
  );
  const asNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
  const shown = { messages: asNumber(messages), days: asNumber(days) };

  return (
    <form
      noValidate
      className="grid max-w-xl gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ enabled, messages: asNumber(messages), days: asNumber(days) });
      }}
    >
      <div className="flex items-center gap-3">
        <Switch id="cap-enabled" checked={enabled} onCheckedChange={setEnabled} />
        <Label htmlFor="cap-enabled">{t("enabled")}</Label>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2" disabled={!enabled}>
        <legend className="sr-only">{t("legend")}</legend>
        <div className="space-y-2">
          <Label htmlFor="cap-messages">{t("messages")}</Label>
          <Input
            id="cap-messages"
            type="number"
            inputMode="numeric"
            min={FREQUENCY_CAP_LIMITS.messages.min}
            max={FREQUENCY_CAP_LIMITS.messages.max}
            value={messages}
            onChange={(e) => setMessages(e.target.value)}
            aria-invalid={Boolean(errors.messages)}
          />
          <FieldError>{errors.messages}</FieldError>
        </div>
        <div className="space-y-2">
          <Label htmlFor="cap-days">{t("days")}</Label>
          <Input
            id="cap-days"
            type="number"
            inputMode="numeric"
            min={FREQUENCY_CAP_LIMITS.days.min}
            max={FREQUENCY_CAP_LIMITS.days.max}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={Boolean(errors.days)}
          />
          <FieldError>{errors.days}</FieldError>
        </div>
      </fieldset>
      <p className="text-sm font-medium" data-testid="cap-summary">
        {enabled &&
        Number.isInteger(shown.messages) &&
        Number.isInteger(shown.days) &&
        shown.messages > 0 &&
        shown.days > 0
          ? t("summary", shown)
          : enabled
            ? t("summaryIncomplete")
            : t("summaryOff")}
      </p>
      <div id="cap-hint" className="space-y-2 text-xs text-muted-foreground">
        <p>{t("hintWhat")}</p>
        <p>{t("hintDays")}</p>
        <p>{t("hintCounts")}</p>
      </div>
      <div>
        <Button type="submit" disabled={save.pending}>
          {save.pending ? tCommon("saving") : tCommon("save")}
        </Button>
      </div>
    </form>
  );
}
