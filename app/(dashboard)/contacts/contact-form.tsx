"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { type ActionError, useAction } from "@/lib/actions/use-action";
import { CONSENT_SOURCE_LABELS, LANGUAGES, MANUAL_GRANT_SOURCES } from "@/lib/validation/contacts";
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

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

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
  const router = useRouter();
  const editing = Boolean(initial?.id);
  const [errors, setErrors] = useState<Errors>({});
  const onSaved = (data: { id: string }) => router.push(`/contacts/${data.id}`);
  const showErrors = (error: ActionError) => setErrors(errorsByField(error));
  const creating = useAction(createContactAction, {
    errors: "inline",
    success: "Guest added.",
    onSuccess: onSaved,
    onError: showErrors,
  });
  const updating = useAction(updateContactAction, {
    errors: "inline",
    success: "Guest saved.",
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
      setErrors({ birthday: "Choose both the month and the day, or neither." });
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
        <Label htmlFor="phone">Phone number</Label>
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
          Mobile numbers only. Without a country code the number is read as{" "}
          {defaultCountry === "PK" ? "Pakistani" : defaultCountry === "DK" ? "Danish" : defaultCountry}.
        </p>
        <FieldError id="phone-error">{errors.phone}</FieldError>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="firstName">First name</Label>
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
          <Label htmlFor="lastName">Last name</Label>
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
        <legend className="text-sm font-medium">Birthday (no year)</legend>
        <div className="grid grid-cols-2 gap-2 sm:max-w-xs">
          <NativeSelect aria-label="Birthday month" value={month} onChange={(e) => setMonth(e.target.value)}>
            <option value="">Month</option>
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect aria-label="Birthday day" value={day} onChange={(e) => setDay(e.target.value)}>
            <option value="">Day</option>
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
          <Label htmlFor="language">Language</Label>
          <NativeSelect id="language" name="language" defaultValue={initial?.language ?? ""}>
            {LANGUAGES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </NativeSelect>
          <FieldError>{errors.language}</FieldError>
        </div>
        <div className="space-y-2">
          <Label htmlFor="tags">Tags</Label>
          <Input
            id="tags"
            name="tags"
            autoComplete="off"
            placeholder="vip, lunch"
            defaultValue={initial?.tags}
            aria-describedby="tags-hint"
          />
          <p id="tags-hint" className="text-xs text-muted-foreground">
            Separate with commas.
          </p>
          <FieldError>{errors.tags}</FieldError>
        </div>
      </div>
      <div className="space-y-2">
        <Label htmlFor="notes">Notes</Label>
        <Textarea id="notes" name="notes" rows={3} defaultValue={initial?.notes} />
        <FieldError>{errors.notes}</FieldError>
      </div>

      {editing ? null : (
        <fieldset className="space-y-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">Marketing consent</legend>
          <div className="space-y-2">
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="consent"
                className="mt-0.5 size-4 accent-primary"
                checked={consent === "none"}
                onChange={() => setConsent("none")}
              />
              <span>No marketing consent (reservation reminders only)</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="consent"
                className="mt-0.5 size-4 accent-primary"
                checked={consent === "granted"}
                onChange={() => setConsent("granted")}
              />
              <span>The guest agreed to receive marketing texts</span>
            </label>
          </div>
          {consent === "granted" ? (
            <div className="space-y-3">
              <div className="space-y-2">
                <Label htmlFor="source">How did they agree?</Label>
                <NativeSelect id="source" name="source" defaultValue="" aria-invalid={Boolean(errors.source)}>
                  <option value="">Choose…</option>
                  {MANUAL_GRANT_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {CONSENT_SOURCE_LABELS[s]}
                    </option>
                  ))}
                </NativeSelect>
                <FieldError>{errors.source}</FieldError>
              </div>
              <div className="space-y-2">
                <Label htmlFor="wording">Exact wording they agreed to</Label>
                <Textarea
                  id="wording"
                  name="wording"
                  rows={3}
                  defaultValue={defaultWording}
                  aria-invalid={Boolean(errors.wording)}
                />
                <p className="text-xs text-muted-foreground">Kept as proof of consent, with the time and your name.</p>
                <FieldError>{errors.wording}</FieldError>
              </div>
            </div>
          ) : null}
        </fieldset>
      )}

      <FieldError>{errors.form}</FieldError>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {editing ? "Save guest" : "Add guest"}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The form's messages from a failed save: next to each field, or for the whole form. */
function errorsByField(error: ActionError): Errors {
  const f = error.fieldErrors ?? {};
  const next: Errors = {
    phone: f.phone?.[0],
    firstName: f.firstName?.[0],
    lastName: f.lastName?.[0],
    birthday: f.birthday?.[0],
    language: f.language?.[0],
    notes: f.notes?.[0],
    tags: f.tags?.[0],
    source: f["consent.source"]?.[0] ?? (f.consent?.[0]?.includes("how") ? f.consent[0] : undefined),
    wording: f["consent.wording"]?.[0] ?? (f.consent?.[0]?.includes("wording") ? f.consent[0] : undefined),
  };
  if (!Object.values(next).some(Boolean)) {
    // Phone problems (invalid, landline, already in the book) are reported next to the phone field.
    if (/number|phone|digits|landline|letters|guest book/i.test(error.message)) next.phone = error.message;
    else next.form = error.message;
  }
  return next;
}
