"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useAction } from "@/lib/actions/use-action";
import { dirOf, GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";
import { toast } from "@/lib/toast/toast";
import {
  EXPIRY_HOURS,
  HOURLY_CAP,
  type SignupSettingsFormValues,
  signupFieldName,
  WORDING_MAX_CHARACTERS,
} from "@/lib/validation/signup";
import { saveSignupSettingsAction } from "./actions";

type Field = keyof SignupSettingsFormValues;

/**
 * The consent wording and the limits, saved together (the welcome text is the Welcome automation's). Each guest-language text carries its
 * language (lang, and right to left for Urdu), so it is typed, read and spell-checked as the guest will see it.
 */
export function SignupSettingsForm({
  initial,
  defaults,
}: {
  initial: SignupSettingsFormValues;
  /** The standard consent sentence per language: what an empty wording means, shown as the placeholder. */
  defaults: Record<GuestLocale, string>;
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

      <section aria-labelledby="welcome-heading" className="space-y-2">
        <h2 id="welcome-heading" className="text-lg font-semibold">
          {t("welcome.heading")}
        </h2>
        <p className="text-sm text-muted-foreground">
          {t.rich("welcome.moved", {
            link: (chunks) => (
              <Link href="/automations/welcome" className="font-medium text-primary underline-offset-4 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
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
