"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TimeField } from "@/components/date-time/date-time-field";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useAction } from "@/lib/actions/use-action";
import { LOCALE_NAMES, STAFF_LOCALES } from "@/lib/i18n/locales";
import { toast } from "@/lib/toast/toast";
import { COUNTRIES, type RestaurantSettingsInput } from "@/lib/validation/restaurant";
import { saveRestaurantSettingsAction } from "./actions";

type Field = keyof RestaurantSettingsInput;

export function RestaurantSettingsForm({ initial, zones }: { initial: RestaurantSettingsInput; zones: string[] }) {
  const t = useTranslations("Settings.restaurant");
  const tCommon = useTranslations("Common");
  const [values, setValues] = useState(initial);
  const save = useAction(saveRestaurantSettingsAction, {
    errors: "inline",
    success: t("saved"),
    // A refusal that names no field (a session that ended, a server error) would otherwise show nowhere.
    onError: (error) => {
      if (!error.fieldErrors) toast.error(error.message);
    },
  });
  const { pending } = save;
  const errors: Partial<Record<Field, string>> = Object.fromEntries(
    Object.entries(save.error?.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0]]),
  );
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <form
      noValidate
      className="grid max-w-xl gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(values);
      }}
    >
      <div className="space-y-2">
        <Label htmlFor="name">{t("name")}</Label>
        <Input
          id="name"
          value={values.name}
          onChange={(e) => set("name")(e.target.value)}
          aria-invalid={Boolean(errors.name)}
        />
        <FieldError>{errors.name}</FieldError>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="country">{t("country")}</Label>
          <Select value={values.defaultCountry} onValueChange={set("defaultCountry")}>
            <SelectTrigger id="country">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {COUNTRIES.map((c) => (
                <SelectItem key={c.code} value={c.code}>
                  {t(`countries.${c.code}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor="timezone">{t("timeZone")}</Label>
          <Select value={values.timeZone} onValueChange={set("timeZone")}>
            <SelectTrigger id="timezone">
              <SelectValue />
            </SelectTrigger>
            <SelectContent className="max-h-72">
              {zones.map((z) => (
                <SelectItem key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FieldError>{errors.timeZone}</FieldError>
        </div>
      </div>
      <div className="space-y-2">
        <Label htmlFor="default-locale">{t("language")}</Label>
        <Select value={values.defaultLocale} onValueChange={set("defaultLocale")}>
          <SelectTrigger id="default-locale" aria-describedby="default-locale-hint" className="sm:w-60">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {STAFF_LOCALES.map((l) => (
              <SelectItem key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <p id="default-locale-hint" className="text-xs text-muted-foreground">
          {t("languageHint")}
        </p>
        <FieldError>{errors.defaultLocale}</FieldError>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">{t("quietHours")}</legend>
        <div className="space-y-2">
          <Label htmlFor="quiet-start">{t("quietFrom")}</Label>
          <TimeField id="quiet-start" value={values.quietHoursStart} onChange={set("quietHoursStart")} />
          <FieldError>{errors.quietHoursStart}</FieldError>
        </div>
        <div className="space-y-2">
          <Label htmlFor="quiet-end">{t("quietUntil")}</Label>
          <TimeField id="quiet-end" value={values.quietHoursEnd} onChange={set("quietHoursEnd")} />
          <FieldError>{errors.quietHoursEnd}</FieldError>
        </div>
        <p className="text-xs text-muted-foreground sm:col-span-2">{t("quietHint")}</p>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tCommon("saving") : tCommon("save")}
        </Button>
      </div>
    </form>
  );
}
