import "./zod-browser";
import { z } from "zod";

/** Kept in step with drizzle/schema/contacts.ts; not imported so client forms do not bundle the schema. */
const CONSENT_STATES = ["granted", "withdrawn", "none"] as const;

import { LANGUAGES, MANUAL_GRANT_SOURCES, type ManualGrantSource } from "./limits";

export { LANGUAGES, MANUAL_GRANT_SOURCES, type ManualGrantSource };

/** Every consent source (labels: `Contacts.consent.sources.<source>`). */
export const CONSENT_SOURCES = [
  "in_person",
  "web_form",
  "staff",
  "import",
  "opt_out_link",
  "gdpr",
  "signup_page",
  "api",
] as const;

export function isConsentSource(value: string): value is (typeof CONSENT_SOURCES)[number] {
  return (CONSENT_SOURCES as readonly string[]).includes(value);
}

export function isOfferedLanguage(code: string): code is (typeof LANGUAGES)[number] {
  return (LANGUAGES as readonly string[]).includes(code);
}

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 32;

/** Tags are compared case-insensitively, so they are stored trimmed and lower-cased, without duplicates. */
export function normalizeTags(raw: string | readonly string[]): string[] {
  const parts = typeof raw === "string" ? raw.split(/[,;|]/) : raw;
  const out = new Set<string>();
  for (const part of parts) {
    const tag = part.trim().toLowerCase().replace(/\s+/g, " ").slice(0, MAX_TAG_LENGTH);
    if (tag) out.add(tag);
  }
  return [...out].slice(0, MAX_TAGS);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real month-day (29 February allowed: the birthday has no year). */
export function isValidMonthDay(month: number, day: number): boolean {
  return (
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= DAYS_IN_MONTH[month - 1]!
  );
}

const trimmed = (max: number, message: string) => z.string().trim().max(max, message);

export const consentInputSchema = z
  .object({
    state: z.enum(["granted", "none"]),
    source: z.enum(MANUAL_GRANT_SOURCES).optional(),
    wording: z.string().trim().max(1000, "Contacts.validation.wordingTooLong").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.state !== "granted") return;
    if (!v.source) ctx.addIssue({ code: "custom", path: ["source"], message: "Contacts.validation.sourceRequired" });
    if (!v.wording)
      ctx.addIssue({
        code: "custom",
        path: ["wording"],
        message: "Contacts.validation.wordingRequired",
      });
  });

const contactFields = {
  phone: z.string().trim().min(1, "Contacts.validation.phoneRequired").max(40, "Contacts.validation.phoneTooLong"),
  firstName: trimmed(80, "Contacts.validation.firstNameTooLong").default(""),
  lastName: trimmed(80, "Contacts.validation.lastNameTooLong").default(""),
  /** "MM-DD", or empty for none. */
  birthday: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || parseMonthDay(v) !== null, "Contacts.validation.birthdayInvalid"),
  language: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^[a-z]{2,3}(-[A-Za-z]{2})?$/.test(v), "Contacts.validation.languageInvalid"),
  notes: trimmed(2000, "Contacts.validation.notesTooLong").default(""),
  tags: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => normalizeTags(v)),
};

export const createContactSchema = z.object({ ...contactFields, consent: consentInputSchema.optional() });
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const updateContactSchema = z.object({ id: z.uuid(), ...contactFields });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

/** "03-21", "3-21", "21/03" is not accepted (ambiguous): month first, like ISO. */
export function parseMonthDay(value: string): { month: number; day: number } | null {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return isValidMonthDay(month, day) ? { month, day } : null;
}

export const contactFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  group: z.uuid().optional(),
  consent: z.enum(CONSENT_STATES).optional(),
  tag: z.string().trim().max(MAX_TAG_LENGTH).optional(),
});

/** Either the ticked rows, or every contact matching the table's current filter. */
export const contactSelectionSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1, "Contacts.validation.selectionEmpty").max(1000) }),
  z.object({ filter: contactFilterSchema }),
]);

export const grantConsentSchema = z.object({
  contactId: z.uuid(),
  source: z.enum(MANUAL_GRANT_SOURCES, { error: "Contacts.validation.sourceRequired" }),
  wording: z.string().trim().min(1, "Contacts.validation.wordingRequired").max(1000),
});

export const groupNameSchema = z
  .string()
  .trim()
  .min(1, "Groups.validation.nameRequired")
  .max(60, "Groups.validation.nameTooLong");
