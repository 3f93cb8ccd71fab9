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
import { toast } from "@/lib/toast/toast";
import {
  EXPIRY_HOURS,
  HOURLY_CAP,
  OFFER_MAX_CHARACTERS,
  type SignupSettingsFormValues,
  signupFieldName,
  WELCOME_MAX_CHARACTERS,
  WORDING_MAX_CHARACTERS,
} from "@/lib/validation/signup";
import { saveSignupSettingsAction } from "./actions";
import { WelcomeCounter } from "./welcome-counter";

type Field = keyof SignupSettingsFormValues;

/**
 * The consent wording, the welcome text and the limits, saved together. Each guest-language text carries its
 * language (lang, and right to left for Urdu), so it is typed, read and spell-checked as the guest will see it.
 */
export function SignupSettingsForm({
  initial,
  defaults,
  restaurant,
  exampleOptOutUrl,
}: {
  initial: SignupSettingsFormValues;
  /** The standard consent sentence per language: what an empty wording means, shown as the placeholder. */
  defaults: Record<GuestLocale, string>;
  /** For the welcome text's count: the restaurant's name and a guest's opt-out link, as they are sent. */
  restaurant: string;
  exampleOptOutUrl: string;
}) {
  const t = useTranslations("Settings.signup");
  const tCommon = useTranslations("Common");
  const [values, setValues] = useState(initial);
  const save = useAction(saveSignupSettingsAction, {
    errors: "inline",
    success: t("saved"),
    // A refusal that names no field (a session that ended, a server error) would otherwise show nowhere.
    onError: (error) => {
      if (!error.fieldErrors) toast.error(error.message);
    },
  });
  const error = (field: Field) => save.fieldError(field);
  const set = <F extends Field>(field: F, value: SignupSettingsFormValues[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const text = (field: Field) => String(values[field]);
  const languageProps = (l: GuestLocale) => ({ lang: l, dir: dirOf(l) });

  return (
    <form
      noValidate
      className="space-y-10"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(values);
      }}
    >
      <section aria-labelledby="wording-heading" className="space-y-4">
        <div>
          <h2 id="wording-heading" className="text-lg font-semibold">
            {t("wording.heading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("wording.intro")}</p>
        </div>
        {GUEST_LOCALES.map((l) => {
          const field = signupFieldName("wording", l);
          return (
            <div key={l} className="space-y-2">
              <Label htmlFor={`wording-${l}`}>{t(`languages.${l}`)}</Label>
              <Textarea
                id={`wording-${l}`}
                {...languageProps(l)}
                rows={3}
                className="min-h-20"
                value={text(field)}
                placeholder={defaults[l]}
                maxLength={WORDING_MAX_CHARACTERS}
                onChange={(e) => set(field, e.target.value)}
                aria-invalid={Boolean(error(field))}
              />
              <FieldError>{error(field)}</FieldError>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="welcome-heading" className="space-y-4">
        <div>
          <h2 id="welcome-heading" className="text-lg font-semibold">
            {t("welcome.heading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("welcome.intro")}</p>
        </div>
        <div className="flex items-center gap-3">
          <Switch
            id="welcome-enabled"
            checked={values.welcomeEnabled}
            onCheckedChange={(checked) => set("welcomeEnabled", checked)}
            aria-invalid={Boolean(error("welcomeEnabled"))}
          />
          <Label htmlFor="welcome-enabled">{t("welcome.enabled")}</Label>
        </div>
        <FieldError>{error("welcomeEnabled")}</FieldError>
        {values.welcomeEnabled ? (
          <>
            <p className="text-sm text-muted-foreground">{t("welcome.languagesHint")}</p>
            {GUEST_LOCALES.map((l) => {
              const message = signupFieldName("welcome", l);
              const offer = signupFieldName("offer", l);
              return (
                <fieldset key={l} className="space-y-3 rounded-lg border p-3 sm:p-4">
                  <legend className="px-1 text-sm font-medium">{t(`languages.${l}`)}</legend>
                  <div className="space-y-2">
                    <Label htmlFor={`welcome-${l}`}>{t("welcome.message")}</Label>
                    <Textarea
                      id={`welcome-${l}`}
                      {...languageProps(l)}
                      rows={3}
                      className="min-h-20"
                      value={text(message)}
                      maxLength={WELCOME_MAX_CHARACTERS}
                      onChange={(e) => set(message, e.target.value)}
                      aria-invalid={Boolean(error(message))}
                      aria-describedby={`welcome-${l}-count`}
                    />
                    <FieldError>{error(message)}</FieldError>
                  </div>
                  <div className="space-y-2">
                    <Label htmlFor={`offer-${l}`}>{t("welcome.offer")}</Label>
                    <Input
                      id={`offer-${l}`}
                      {...languageProps(l)}
                      value={text(offer)}
                      maxLength={OFFER_MAX_CHARACTERS}
                      onChange={(e) => set(offer, e.target.value)}
                      aria-invalid={Boolean(error(offer))}
                      aria-describedby={`welcome-${l}-count`}
                    />
                    <FieldError>{error(offer)}</FieldError>
                  </div>
                  <WelcomeCounter
                    id={`welcome-${l}-count`}
                    message={text(message)}
                    offer={text(offer)}
                    language={l}
                    restaurant={restaurant}
                    exampleOptOutUrl={exampleOptOutUrl}
                  />
                </fieldset>
              );
            })}
          </>
        ) : null}
      </section>

      <section aria-labelledby="limits-heading" className="space-y-4">
        <div>
          <h2 id="limits-heading" className="text-lg font-semibold">
            {t("limits.heading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("limits.intro")}</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <NumberField
            id="expiry-hours"
            label={t("limits.expiryHours")}
            hint={t("limits.expiryHint", EXPIRY_HOURS)}
            range={EXPIRY_HOURS}
            value={values.expiryHours}
            onChange={(v) => set("expiryHours", v)}
            error={error("expiryHours")}
          />
          <NumberField
            id="hourly-cap"
            label={t("limits.hourlyCap")}
            hint={t("limits.hourlyCapHint")}
            range={HOURLY_CAP}
            value={values.hourlyCap}
            onChange={(v) => set("hourlyCap", v)}
            error={error("hourlyCap")}
          />
          <NumberField
            id="hourly-cap-country"
            label={t("limits.hourlyCapPerCountry")}
            hint={t("limits.hourlyCapPerCountryHint")}
            range={HOURLY_CAP}
            value={values.hourlyCapPerCountry}
            onChange={(v) => set("hourlyCapPerCountry", v)}
            error={error("hourlyCapPerCountry")}
          />
        </div>
      </section>

      <Button type="submit" disabled={save.pending}>
        {save.pending ? tCommon("saving") : tCommon("save")}
      </Button>
    </form>
  );
}

function NumberField({
  id,
  label,
  hint,
  range,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  range: { min: number; max: number };
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <div className="grid content-start gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-hint`}
        className="sm:max-w-32"
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint}
      </p>
      <FieldError>{error}</FieldError>
    </div>
  );
}
