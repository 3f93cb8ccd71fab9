"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { joinAction } from "./actions";

export type JoinFormProps = {
  language: string;
  source: string;
  stamp: string;
  wording: string;
  wordingHash: string;
  phoneExample: string;
  /** The twelve month names in the guest's language, January first. */
  months: string[];
};

type Values = Record<string, string>;

/** Nastaliq (Urdu) glyphs are taller than a fixed 40 px select shows: let it grow with its text. */
const TALL_SCRIPT_SAFE = "h-auto min-h-10 leading-normal";

const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));

/**
 * The guest's sign-up form. The server action is the form's own action, so it works before the script loads
 * (a phone on a restaurant's Wi-Fi). After an answer React clears the fields; what was typed is kept and put
 * back (the `key` remounts them with it) so a wrong number is corrected, not retyped.
 */
export function JoinForm(props: JoinFormProps) {
  const t = useTranslations("Guest.join");
  const [result, formAction, pending] = useActionState(joinAction, null);
  const [typed, setTyped] = useState<{ values: Values; round: number }>({ values: {}, round: 0 });

  if (result?.ok && result.data.kind === "sent") {
    return (
      <div role="status" data-testid="join-sent" className="space-y-2 text-center">
        <h2 className="text-lg font-semibold">{t("sentTitle")}</h2>
        <p>{t("sentBody", { phone: result.data.phone, hours: result.data.expiresInHours })}</p>
        <p className="text-sm text-muted-foreground">{t("sentNote")}</p>
      </div>
    );
  }
  const fieldErrors = result && !result.ok ? (result.error.fieldErrors ?? {}) : {};
  const phoneError = result?.ok && result.data.kind === "phoneProblem" ? result.data.message : fieldErrors.phone?.[0];
  const formError =
    result?.ok && result.data.kind === "capped"
      ? t("capped")
      : result && !result.ok && !Object.values(fieldErrors).some((m) => m?.length)
        ? result.error.message
        : null;
  const value = (name: string) => typed.values[name] ?? "";

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        const values = Object.fromEntries([...new FormData(e.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
        setTyped((prev) => ({ values, round: prev.round + 1 }));
      }}
      className="space-y-4"
      noValidate
      key={typed.round}
    >
      <input type="hidden" name="language" value={props.language} />
      <input type="hidden" name="source" value={props.source} />
      <input type="hidden" name="stamp" value={props.stamp} />
      <input type="hidden" name="wordingHash" value={props.wordingHash} />
      {/* For bots only: hidden from people and screen readers; a filled one is thanked and ignored. */}
      <div aria-hidden="true" className="sr-only">
        <label>
          Website
          <input name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <div className="space-y-2">
        <Label htmlFor="join-phone">{t("phone")}</Label>
        <Input
          id="join-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          dir="ltr"
          required
          placeholder={props.phoneExample}
          defaultValue={value("phone")}
          aria-invalid={phoneError ? true : undefined}
          aria-describedby={phoneError ? "join-phone-error" : "join-phone-hint"}
        />
        {phoneError ? (
          <FieldError id="join-phone-error">{phoneError}</FieldError>
        ) : (
          <p id="join-phone-hint" className="text-sm text-muted-foreground">
            {t("phoneHint")}
          </p>
        )}
      </div>

      <div className="space-y-2">
        <Label htmlFor="join-name">{t("firstName")}</Label>
        <Input
          id="join-name"
          name="firstName"
          autoComplete="given-name"
          required
          maxLength={60}
          defaultValue={value("firstName")}
          aria-invalid={fieldErrors.firstName ? true : undefined}
          aria-describedby={fieldErrors.firstName ? "join-name-error" : undefined}
        />
        <FieldError id="join-name-error">{fieldErrors.firstName?.[0]}</FieldError>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("birthday")}</legend>
        <p className="text-sm text-muted-foreground">{t("birthdayHint")}</p>
        <div className="grid grid-cols-[5.5rem_1fr] gap-2">
          <NativeSelect
            name="birthdayDay"
            className={TALL_SCRIPT_SAFE}
            aria-label={t("birthdayDay")}
            autoComplete="bday-day"
            defaultValue={value("birthdayDay")}
            aria-invalid={fieldErrors.birthdayDay ? true : undefined}
            aria-describedby={fieldErrors.birthdayDay ? "join-birthday-error" : undefined}
          >
            <option value="">{t("day")}</option>
            {DAYS.map((day) => (
              <option key={day} value={day}>
                {day}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            name="birthdayMonth"
            className={TALL_SCRIPT_SAFE}
            aria-label={t("birthdayMonth")}
            autoComplete="bday-month"
            defaultValue={value("birthdayMonth")}
          >
            <option value="">{t("month")}</option>
            {props.months.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <FieldError id="join-birthday-error">{fieldErrors.birthdayDay?.[0]}</FieldError>
      </fieldset>

      <p data-testid="join-wording" className="rounded-lg border bg-muted/40 p-3 text-sm leading-relaxed">
        {props.wording}
      </p>
      {formError ? (
        <Alert variant="destructive" data-testid="join-error">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <Button type="submit" size="lg" className="h-auto min-h-11 w-full whitespace-normal" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
