"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { JOIN_POST_PATH, type JoinAnswer } from "@/lib/signup/join-answer";

export type JoinFormProps = {
  language: string;
  source: string;
  stamp: string;
  wording: string;
  wordingHash: string;
  phoneExample: string;
  /** The twelve month names in the guest's language, January first. */
  months: string[];
  expiryHours: number;
  /** After a post without script: "sent", or the problem's words (null: a fresh form). */
  posted: "sent" | string | null;
};

/** Nastaliq (Urdu) glyphs are taller than a fixed 40 px select shows: let it grow with its text. */
const TALL_SCRIPT_SAFE = "h-auto min-h-10 leading-normal";

const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));

/**
 * The guest's sign-up form. A plain form posting to `/api/join`, so it works before the script loads (a phone
 * on a restaurant's Wi-Fi: the answer comes back as this page, `posted`); with the script, it posts the same
 * fields itself and shows the JSON answer in place, keeping what was typed, so a wrong number is corrected, not
 * retyped. When the page must be shown again (new wording, an old form), it is refreshed around the typed values.
 */
export function JoinForm(props: JoinFormProps) {
  const t = useTranslations("Guest.join");
  const router = useRouter();
  const [result, setResult] = useState<JoinAnswer | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const fields = [...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]);
    setPending(true);
    try {
      const res = await fetch(JOIN_POST_PATH, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { accept: "application/json" },
      });
      const answer = (await res.json()) as JoinAnswer;
      setResult(answer);
      if (answer.kind === "problem" && answer.reload) router.refresh();
    } catch {
      setResult({ kind: "problem", message: t("errors.network"), fieldErrors: {} });
    } finally {
      setPending(false);
    }
  }

  if (result?.kind === "sent" || (!result && props.posted === "sent")) {
    return (
      <div role="status" data-testid="join-sent" className="space-y-2 text-center">
        <h2 className="text-lg font-semibold">{t("sentTitle")}</h2>
        <p>
          {result?.kind === "sent"
            ? t("sentBody", { phone: result.phone, hours: result.expiresInHours })
            : t("sentBodyPlain", { hours: props.expiryHours })}
        </p>
        <p className="text-sm text-muted-foreground">{t("sentNote")}</p>
      </div>
    );
  }
  const fieldErrors = result?.kind === "problem" ? result.fieldErrors : {};
  const phoneError = fieldErrors.phone?.[0];
  const formError =
    result?.kind === "capped"
      ? t("capped")
      : result?.kind === "problem"
        ? result.message
        : props.posted !== "sent"
          ? props.posted
          : null;

  return (
    <form method="post" action={JOIN_POST_PATH} onSubmit={submit} className="space-y-4" noValidate>
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
            defaultValue=""
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
            defaultValue=""
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
