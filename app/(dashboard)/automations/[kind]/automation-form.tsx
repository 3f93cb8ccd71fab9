"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useAction } from "@/lib/actions/use-action";
import { dirOf, GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";
import type { LinkShortening } from "@/lib/links/short-link";
import { toast } from "@/lib/toast/toast";
import {
  AUTOMATION_MAX_CHARACTERS,
  AUTOMATION_OFFER_MAX_CHARACTERS,
  type AutomationFormValues,
  automationFieldName,
  DAYS_BEFORE,
  HOLDOUT_PERCENT,
  HOURS_AFTER,
  LAPSE_DAYS,
  MIN_VISITS,
  OFFER_VALID_DAYS,
} from "@/lib/validation/automations";
import { saveAutomationAction } from "../actions";
import { AutomationCounter } from "./automation-counter";

type Field = Exclude<keyof AutomationFormValues, "kind">;
type NumberFieldName = "daysBefore" | "lapseDays" | "minVisits" | "hoursAfter" | "holdoutPercent" | "offerValidDays";

/** What each kind asks for besides the texts and the control group. */
const TIMING: Record<AutomationFormValues["kind"], NumberFieldName[]> = {
  birthday: ["daysBefore"],
  welcome: [],
  winback: ["lapseDays", "minVisits"],
  after_visit: ["hoursAfter"],
};
const RANGES = {
  daysBefore: DAYS_BEFORE,
  lapseDays: LAPSE_DAYS,
  minVisits: MIN_VISITS,
  hoursAfter: HOURS_AFTER,
  holdoutPercent: HOLDOUT_PERCENT,
  offerValidDays: OFFER_VALID_DAYS,
};

/** An automation's settings: switch, timing, control group and the text per language, saved together. */
export function AutomationForm({
  initial,
  restaurant,
  exampleOptOutUrl,
  linkShortening,
}: {
  initial: AutomationFormValues;
  restaurant: string;
  exampleOptOutUrl: string;
  /** Links in automation texts always go out as short links: counted at that length. */
  linkShortening: LinkShortening;
}) {
  const t = useTranslations("Automations.form");
  const tCommon = useTranslations("Common");
  const [values, setValues] = useState(initial);
  const save = useAction(saveAutomationAction, {
    errors: "inline",
    success: t("saved"),
    onError: (error) => {
      if (!error.fieldErrors) toast.error(error.message);
    },
  });
  const error = (field: Field) => save.fieldError(field);
  const set = <F extends Field>(field: F, value: AutomationFormValues[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const languageProps = (l: GuestLocale) => ({ lang: l, dir: dirOf(l) });

  const numberField = (field: NumberFieldName) => (
    <div key={field} className="grid content-start gap-2">
      <Label htmlFor={field}>{t(`${field}.label`)}</Label>
      <Input
        id={field}
        type="number"
        inputMode="numeric"
        min={RANGES[field].min}
        max={RANGES[field].max}
        step={1}
        value={values[field]}
        onChange={(e) => set(field, e.target.value)}
        aria-invalid={Boolean(error(field))}
        aria-describedby={`${field}-hint`}
        className="sm:max-w-32"
      />
      <p id={`${field}-hint`} className="text-xs text-muted-foreground">
        {t(`${field}.hint`, RANGES[field])}
      </p>
      <FieldError>{error(field)}</FieldError>
    </div>
  );

  return (
    <form
      noValidate
      className="space-y-8"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(values);
      }}
    >
      <section aria-labelledby="when-heading" className="space-y-4">
        <h2 id="when-heading" className="text-lg font-semibold">
          {t("whenHeading")}
        </h2>
        <div className="flex items-center gap-3">
          <Switch
            id="enabled"
            checked={values.enabled}
            onCheckedChange={(checked) => set("enabled", checked)}
            aria-invalid={Boolean(error("enabled"))}
          />
          <Label htmlFor="enabled">{t("enabled")}</Label>
        </div>
        <FieldError>{error("enabled")}</FieldError>
        <div className="grid gap-4 sm:grid-cols-2">
          {TIMING[values.kind].map(numberField)}
          {values.kind === "birthday" ? (
            <div className="grid content-start gap-2">
              <Label htmlFor="sendAt">{t("sendAt.label")}</Label>
              <Input
                id="sendAt"
                type="time"
                value={values.sendAt}
                onChange={(e) => set("sendAt", e.target.value)}
                aria-invalid={Boolean(error("sendAt"))}
                aria-describedby="sendAt-hint"
                className="sm:max-w-32"
              />
              <p id="sendAt-hint" className="text-xs text-muted-foreground">
                {t("sendAt.hint")}
              </p>
              <FieldError>{error("sendAt")}</FieldError>
            </div>
          ) : null}
          {numberField("holdoutPercent")}
        </div>
        <p className="text-sm text-muted-foreground">{t("quietHours")}</p>
      </section>

      <section aria-labelledby="texts-heading" className="space-y-4">
        <div>
          <h2 id="texts-heading" className="text-lg font-semibold">
            {t("textsHeading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("textsIntro")}</p>
        </div>
        {GUEST_LOCALES.map((l) => {
          const message = automationFieldName("message", l);
          const offer = automationFieldName("offer", l);
          return (
            <fieldset key={l} className="space-y-3 rounded-lg border p-3 sm:p-4">
              <legend className="px-1 text-sm font-medium">{t(`languages.${l}`)}</legend>
              <div className="space-y-2">
                <Label htmlFor={`message-${l}`}>{t("message")}</Label>
                <Textarea
                  id={`message-${l}`}
                  {...languageProps(l)}
                  rows={3}
                  className="min-h-20"
                  value={values[message]}
                  maxLength={AUTOMATION_MAX_CHARACTERS}
                  onChange={(e) => set(message, e.target.value)}
                  aria-invalid={Boolean(error(message))}
                  aria-describedby={`message-${l}-count`}
                />
                <FieldError>{error(message)}</FieldError>
              </div>
              <div className="space-y-2">
                <Label htmlFor={`offer-${l}`}>{t("offer")}</Label>
                <Input
                  id={`offer-${l}`}
                  {...languageProps(l)}
                  value={values[offer]}
                  maxLength={AUTOMATION_OFFER_MAX_CHARACTERS}
                  onChange={(e) => set(offer, e.target.value)}
                  aria-invalid={Boolean(error(offer))}
                  aria-describedby={`message-${l}-count`}
                />
                <FieldError>{error(offer)}</FieldError>
              </div>
              <AutomationCounter
                id={`message-${l}-count`}
                message={values[message]}
                offer={values[offer]}
                language={l}
                restaurant={restaurant}
                exampleOptOutUrl={exampleOptOutUrl}
                linkShortening={linkShortening}
              />
            </fieldset>
          );
        })}
        {numberField("offerValidDays")}
      </section>

      <Button type="submit" disabled={save.pending}>
        {save.pending ? tCommon("saving") : tCommon("save")}
      </Button>
    </form>
  );
}
