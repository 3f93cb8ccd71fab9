"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { type ActionError, useAction } from "@/lib/actions/use-action";
import { MONTH_DATES } from "@/lib/contacts/birthday";
import { LANGUAGES, MANUAL_GRANT_SOURCES } from "@/lib/validation/limits";
import { createContactAction, updateContactAction } from "./actions";

export type ContactFormValues = {
  id?: string;
  phone: string;
  firstName: string;
  lastName: string;
  birthday: string;
  language: string;
  notes: string;
  tags: string;
};

type Errors = Partial<
  Record<
    "phone" | "firstName" | "lastName" | "birthday" | "language" | "notes" | "tags" | "source" | "wording" | "form",
    string
  >
>;

/** Create or edit a guest. Consent is only asked when creating; later changes go through the ledger on the guest's page. */
export function ContactForm({
  initial,
  defaultWording,
  defaultCountry,
}: {
  initial?: ContactFormValues;
  defaultWording: string;
  defaultCountry: string;
}) {
  const t = useTranslations("Contacts.form");
  const tContacts = useTranslations("Contacts");
  const tCommon = useTranslations("Common");
  const tErrors = useTranslations("Errors");
  const format = useFormatter();
  const router = useRouter();
  const editing = Boolean(initial?.id);
  const [errors, setErrors] = useState<Errors>({});
  const onSaved = (data: { id: string }) => router.push(`/contacts/${data.id}`);
  const showErrors = (error: ActionError) =>
    setErrors(
      errorsByField(error, {
        source: tContacts("validation.sourceRequired"),
        wording: tContacts("validation.wordingRequired"),
        general: [tErrors("controlCharacters"), tErrors("unexpectedForm")],
      }),
    );
  const creating = useAction(createContactAction, {
    errors: "inline",
    success: t("added"),
    onSuccess: onSaved,
    onError: showErrors,
  });
  const updating = useAction(updateContactAction, {
    errors: "inline",
    success: t("saved"),
    warning: (data) => data.note,
    onSuccess: onSaved,
    onError: showErrors,
  });
  const pending = creating.pending || updating.pending;
  const [consent, setConsent] = useState<"none" | "granted">("none");
  const [month, setMonth] = useState(initial?.birthday ? String(Number(initial.birthday.split("-")[0])) : "");
  const [day, setDay] = useState(initial?.birthday ? String(Number(initial.birthday.split("-")[1])) : "");

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? "");
    if ((month && !day) || (!month && day)) {
      setErrors({ birthday: t("birthdayIncomplete") });
      return;
    }
    const birthday = month && day ? `${month.padStart(2, "0")}-${day.padStart(2, "0")}` : "";
    const fields = {
      phone: get("phone"),
      firstName: get("firstName"),
      lastName: get("lastName"),
      birthday,
      language: get("language"),
      notes: get("notes"),
      tags: get("tags"),
    };
    if (initial?.id) updating.run({ id: initial.id, ...fields });
    else
      creating.run({
        ...fields,
        consent:
          consent === "granted"
            ? {
                state: "granted",
                source: (get("source") || undefined) as "in_person" | undefined,
                wording: get("wording"),
              }
            : { state: "none" },
      });
  }

  const daysInMonth = month ? new Date(2024, Number(month), 0).getDate() : 31;

  return (
    <form
      className="max-w-xl space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <div className="space-y-2">
        <Label htmlFor="phone">{t("phone")}</Label>
        <Input
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          defaultValue={initial?.phone}
          aria-invalid={Boolean(errors.phone)}
          aria-describedby="phone-hint phone-error"
        />
        <p id="phone-hint" className="text-xs text-muted-foreground">
          {t("phoneHint", { country: defaultCountry })}
        </p>
        <FieldError id="phone-error">{errors.phone}</FieldError>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="firstName">{t("firstName")}</Label>
          <Input
            id="firstName"
            name="firstName"
            autoComplete="off"
            defaultValue={initial?.firstName}
            aria-invalid={Boolean(errors.firstName)}
          />
          <FieldError>{errors.firstName}</FieldError>
        </div>
        <div className="space-y-2">
          <Label htmlFor="lastName">{t("lastName")}</Label>
          <Input
            id="lastName"
            name="lastName"
            autoComplete="off"
            defaultValue={initial?.lastName}
            aria-invalid={Boolean(errors.lastName)}
          />
          <FieldError>{errors.lastName}</FieldError>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("birthday")}</legend>
        <div className="grid grid-cols-2 gap-2 sm:max-w-xs">
          <NativeSelect aria-label={t("birthdayMonth")} value={month} onChange={(e) => setMonth(e.target.value)}>
            <option value="">{t("month")}</option>
            {MONTH_DATES.map((m, i) => (
              <option key={m.getTime()} value={String(i + 1)}>
                {format.dateTime(m, { month: "long", timeZone: "UTC" })}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect aria-label={t("birthdayDay")} value={day} onChange={(e) => setDay(e.target.value)}>
            <option value="">{t("day")}</option>
            {Array.from({ length: daysInMonth }, (_, i) => String(i + 1)).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </NativeSelect>
        </div>
        <FieldError>{errors.birthday}</FieldError>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="language">{t("language")}</Label>
          <NativeSelect id="language" name="language" defaultValue={initial?.language ?? ""}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {tContacts(`languages.${l || "default"}`)}
              </option>
            ))}
          </NativeSelect>
          <FieldError>{errors.language}</FieldError>
        </div>
        <div className="space-y-2">
          <Label htmlFor="tags">{t("tags")}</Label>
          <Input
            id="tags"
            name="tags"
            autoComplete="off"
            placeholder={t("tagsPlaceholder")}
            defaultValue={initial?.tags}
            aria-describedby="tags-hint"
          />
          <p id="tags-hint" className="text-xs text-muted-foreground">
            {t("tagsHint")}
          </p>
          <FieldError>{errors.tags}</FieldError>
        </div>
      </div>
      <div className="space-y-2">
        <Label htmlFor="notes">{t("notes")}</Label>
        <Textarea id="notes" name="notes" rows={3} defaultValue={initial?.notes} />
        <FieldError>{errors.notes}</FieldError>
      </div>

      {editing ? null : (
        <fieldset className="space-y-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{t("consent")}</legend>
          <div className="space-y-2">
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="consent"
                className="mt-0.5 size-4 accent-primary"
                checked={consent === "none"}
                onChange={() => setConsent("none")}
              />
              <span>{t("consentNone")}</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="consent"
                className="mt-0.5 size-4 accent-primary"
                checked={consent === "granted"}
                onChange={() => setConsent("granted")}
              />
              <span>{t("consentGranted")}</span>
            </label>
          </div>
          {consent === "granted" ? (
            <div className="space-y-3">
              <div className="space-y-2">
                <Label htmlFor="source">{tContacts("consent.howLabel")}</Label>
                <NativeSelect id="source" name="source" defaultValue="" aria-invalid={Boolean(errors.source)}>
                  <option value="">{tContacts("consent.choose")}</option>
                  {MANUAL_GRANT_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {tContacts(`consent.sources.${s}`)}
                    </option>
                  ))}
                </NativeSelect>
                <FieldError>{errors.source}</FieldError>
              </div>
              <div className="space-y-2">
                <Label htmlFor="wording">{tContacts("consent.wordingLabel")}</Label>
                <Textarea
                  id="wording"
                  name="wording"
                  rows={3}
                  defaultValue={defaultWording}
                  aria-invalid={Boolean(errors.wording)}
                />
                <p className="text-xs text-muted-foreground">{t("wordingHint")}</p>
                <FieldError>{errors.wording}</FieldError>
              </div>
            </div>
          ) : null}
        </fieldset>
      )}

      <FieldError>{errors.form}</FieldError>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {editing ? t("save") : t("add")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.back()}>
          {tCommon("cancel")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The form's messages from a failed save: next to each field, or for the whole form. The consent's two
 * messages arrive together under "consent" and are told apart by their text (in the reader's language).
 */
function errorsByField(error: ActionError, known: { source: string; wording: string; general: string[] }): Errors {
  const f = error.fieldErrors ?? {};
  const next: Errors = {
    phone: f.phone?.[0],
    firstName: f.firstName?.[0],
    lastName: f.lastName?.[0],
    birthday: f.birthday?.[0],
    language: f.language?.[0],
    notes: f.notes?.[0],
    tags: f.tags?.[0],
    source: f["consent.source"]?.[0] ?? f.consent?.find((m) => m === known.source),
    wording: f["consent.wording"]?.[0] ?? f.consent?.find((m) => m === known.wording),
  };
  if (!Object.values(next).some(Boolean)) {
    // Phone problems (invalid, landline, already in the book) are reported next to the phone field: the only
    // input and conflict errors a save raises besides the general ones about the whole form.
    const phoneProblem =
      error.code === "CONFLICT" || (error.code === "INVALID_INPUT" && !known.general.includes(error.message));
    if (phoneProblem) next.phone = error.message;
    else next.form = error.message;
  }
  return next;
}
