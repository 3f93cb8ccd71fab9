import "./zod-browser";
import { z } from "zod";
import { AUTOMATION_KINDS } from "@/drizzle/schema/automations";
import type { PerLanguage } from "@/drizzle/schema/signup-settings";
import { automationSmsText } from "@/lib/automations/automation-text";
import { GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";
import { withValues } from "@/lib/i18n/packed-message";
import { validateTemplate } from "@/lib/messages/validate-template";

// Shared by the automation form and its server actions (no server-only imports here).

/** Longest text, offer line included: at most four GSM segments (nine in UCS-2), a modest cost per guest. */
export const AUTOMATION_MAX_CHARACTERS = 600;
export const AUTOMATION_OFFER_MAX_CHARACTERS = 160;
export const DAYS_BEFORE = { min: 0, max: 60 } as const;
export const LAPSE_DAYS = { min: 7, max: 730 } as const;
export const MIN_VISITS = { min: 1, max: 100 } as const;
export const HOURS_AFTER = { min: 1, max: 168 } as const;
export const HOLDOUT_PERCENT = { min: 0, max: 50 } as const;
/** An offer's codes are valid this many days from the text (the schema's check allows 1–365). */
export const OFFER_VALID_DAYS = { min: 1, max: 365 } as const;

const V = "Automations.validation";

const whole = (range: { min: number; max: number }, message: string) =>
  z.coerce.number(message).int(message).min(range.min, message).max(range.max, message);
const text = (max: number, message: string) => z.string().trim().max(max, message);

/** The form field of one language's text: ("message", "da") → "messageDa". */
export function automationFieldName<P extends "message" | "offer">(prefix: P, l: GuestLocale) {
  return `${prefix}${l[0]!.toUpperCase()}${l.slice(1)}` as `${P}${Capitalize<GuestLocale>}`;
}

const perLanguage = <P extends "message" | "offer">(prefix: P, max: number, key: string) =>
  Object.fromEntries(GUEST_LOCALES.map((l) => [automationFieldName(prefix, l), text(max, `${V}.${key}`)])) as Record<
    `${P}${Capitalize<GuestLocale>}`,
    ReturnType<typeof text>
  >;

function collect(values: Record<string, unknown>, prefix: "message" | "offer"): PerLanguage {
  const out: PerLanguage = {};
  for (const l of GUEST_LOCALES) {
    const value = values[automationFieldName(prefix, l)];
    if (typeof value === "string" && value) out[l] = value;
  }
  return out;
}

/** An automation's form as sent, turned into the stored shape. */
export const saveAutomationSchema = z
  .object({
    kind: z.enum(AUTOMATION_KINDS, `${V}.unknownKind`),
    enabled: z.boolean(),
    ...perLanguage("message", AUTOMATION_MAX_CHARACTERS, "messageTooLong"),
    ...perLanguage("offer", AUTOMATION_OFFER_MAX_CHARACTERS, "offerTooLong"),
    daysBefore: whole(DAYS_BEFORE, `${V}.daysBefore`),
    sendAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, `${V}.sendAt`),
    lapseDays: whole(LAPSE_DAYS, `${V}.lapseDays`),
    minVisits: whole(MIN_VISITS, `${V}.minVisits`),
    hoursAfter: whole(HOURS_AFTER, `${V}.hoursAfter`),
    holdoutPercent: whole(HOLDOUT_PERCENT, `${V}.holdoutPercent`),
    offerValidDays: whole(OFFER_VALID_DAYS, `${V}.offerValidDays`),
  })
  .superRefine((v, ctx) => {
    if (v.enabled && !GUEST_LOCALES.some((l) => v[automationFieldName("message", l)])) {
      ctx.addIssue({ code: "custom", path: ["enabled"], message: `${V}.messageEmpty` });
    }
    for (const l of GUEST_LOCALES) {
      const message = v[automationFieldName("message", l)];
      const offer = v[automationFieldName("offer", l)];
      if (offer && !message) {
        ctx.addIssue({ code: "custom", path: [automationFieldName("offer", l)], message: `${V}.offerWithoutMessage` });
      }
      const sms = automationSmsText(message, offer);
      if (sms.length > AUTOMATION_MAX_CHARACTERS) {
        ctx.addIssue({ code: "custom", path: [automationFieldName("message", l)], message: `${V}.messageTooLong` });
      }
      // Merge fields are filled in as compose fills them: an unknown one or a stray brace would reach the guest.
      // `{offer_code}` needs an offer in the same language (with one, the code is added after the offer line).
      const context = offer ? {} : ({ offer: "none" } as const);
      const blocking = sms ? validateTemplate(sms, context).find((issue) => issue.severity === "error") : undefined;
      if (blocking) {
        const key = withValues(`Compose.issues.${blocking.key}`, blocking.values);
        ctx.addIssue({ code: "custom", path: [automationFieldName("message", l)], message: key });
      }
    }
  })
  .transform((v) => ({
    kind: v.kind,
    enabled: v.enabled,
    message: collect(v, "message"),
    offer: collect(v, "offer"),
    daysBefore: v.daysBefore,
    sendAt: v.sendAt,
    lapseDays: v.lapseDays,
    minVisits: v.minVisits,
    hoursAfter: v.hoursAfter,
    holdoutPercent: v.holdoutPercent,
    offerValidDays: v.offerValidDays,
  }));
export type SaveAutomationInput = z.output<typeof saveAutomationSchema>;

/** The list's on/off switch. */
export const switchAutomationSchema = z.object({
  kind: z.enum(AUTOMATION_KINDS, `${V}.unknownKind`),
  enabled: z.boolean(),
});

/** The form's state: texts as typed, numbers as the inputs' text. */
export type AutomationFormValues = Record<`${"message" | "offer"}${Capitalize<GuestLocale>}`, string> & {
  kind: (typeof AUTOMATION_KINDS)[number];
  enabled: boolean;
  daysBefore: string;
  sendAt: string;
  lapseDays: string;
  minVisits: string;
  hoursAfter: string;
  holdoutPercent: string;
  offerValidDays: string;
};

/** The form's values for a stored automation. */
export function automationForm(a: Omit<SaveAutomationInput, never>): AutomationFormValues {
  const form: Record<string, string | boolean> = {
    kind: a.kind,
    enabled: a.enabled,
    daysBefore: String(a.daysBefore),
    sendAt: a.sendAt,
    lapseDays: String(a.lapseDays),
    minVisits: String(a.minVisits),
    hoursAfter: String(a.hoursAfter),
    holdoutPercent: String(a.holdoutPercent),
    offerValidDays: String(a.offerValidDays),
  };
  for (const l of GUEST_LOCALES) {
    form[automationFieldName("message", l)] = a.message[l] ?? "";
    form[automationFieldName("offer", l)] = a.offer[l] ?? "";
  }
  return form as AutomationFormValues;
}
