import { z } from "zod";
import { currencyDigits } from "@/lib/format/currency";
import { LANGUAGES } from "@/lib/validation/limits";

// The REST API's request and answer bodies: validated with these and described by them in the OpenAPI
// document (lib/api/openapi.ts, z.toJSONSchema), so the two never disagree. Messages are English (see problem.ts).

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

const phone = z.string().trim().min(1, "Required.").max(32, "At most 32 characters.").meta({
  description: "The guest's mobile number, E.164 (+4520123456) or as written locally.",
  example: "+4520123456",
});

const birthday = z
  .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .strict()
  .refine((b) => b.day <= (DAYS_IN_MONTH[b.month - 1] ?? 31), { message: "No such day in that month.", path: ["day"] })
  .meta({ description: "Birthday without a year." });

export const consentInputSchema = z
  .object({
    wording: z
      .string()
      .trim()
      .min(1, "The exact wording the guest agreed to is required.")
      .max(1000, "At most 1000 characters.")
      .meta({ description: "The exact text the guest agreed to (kept in the consent ledger as proof)." }),
    source: z
      .string()
      .trim()
      .min(1, "Say where the guest agreed.")
      .max(100, "At most 100 characters.")
      .meta({ description: 'Where the guest agreed, e.g. "Online booking form".', example: "Online booking form" }),
  })
  .strict()
  .meta({
    description:
      "Only when the guest ticked a marketing opt-in at your end. Without it nothing is granted. A guest who withdrew, or a suppressed number, is never granted through the API.",
  });

export const guestInputSchema = z
  .object({
    phone,
    firstName: z.string().trim().max(100, "At most 100 characters.").optional(),
    lastName: z.string().trim().max(100, "At most 100 characters.").optional(),
    language: z
      .enum(LANGUAGES.filter((l) => l !== ""))
      .optional()
      .meta({ description: "Language of their texts." }),
    birthday: birthday.optional(),
    tags: z
      .array(z.string().trim().min(1).max(32))
      .max(20)
      .optional()
      .meta({ description: "Added to the guest's tags." }),
    consent: consentInputSchema.optional(),
  })
  .strict()
  .meta({ id: "GuestInput", description: "Creates the guest with this phone number, or updates the fields given." });
export type GuestInput = z.infer<typeof guestInputSchema>;

export const CONSENT_OUTCOMES = [
  "granted",
  "already-granted",
  "refused-withdrawn",
  "refused-suppressed",
  "not-requested",
] as const;

export const guestSchema = z
  .object({
    id: z.uuid(),
    phone: z.string().meta({ example: "+4520123456" }),
    firstName: z.string(),
    lastName: z.string(),
    language: z.string().nullable(),
    consent: z.object({
      state: z.enum(["granted", "withdrawn", "none"]),
      outcome: z.enum(CONSENT_OUTCOMES).meta({ description: "What this call did to consent." }),
    }),
    created: z.boolean().meta({ description: "True when this call created the guest (HTTP 201)." }),
  })
  .meta({ id: "Guest" });

const amount = z
  .string('Send the amount as a decimal string, e.g. "249.50" (never a JSON number: no rounding).')
  .regex(/^\d{1,12}(\.\d{1,3})?$/, 'A decimal string with a point, e.g. "249.50".');

export const spendSchema = z
  .object({
    amount: amount.meta({ example: "249.50" }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: "An ISO 4217 code in capitals, e.g. DKK.", abort: true })
      .refine((c) => CURRENCIES.has(c), "Unknown currency.")
      .meta({ example: "DKK" }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const decimals = s.amount.split(".")[1]?.length ?? 0;
    if (CURRENCIES.has(s.currency) && decimals > currencyDigits(s.currency))
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: `${s.currency} has ${currencyDigits(s.currency)} decimals.`,
      });
  });

/** Future visits are refused beyond this (clocks differ a little between systems). */
export const VISIT_CLOCK_SKEW_MS = 5 * 60_000;

export const visitInputSchema = z
  .object({
    guest: z
      .object({ phone: phone.optional(), id: z.uuid("A guest id from POST /api/v1/guests.").optional() })
      .strict()
      .refine((g) => (g.phone === undefined) !== (g.id === undefined), "Give the guest's phone or id (one of them).")
      .meta({ description: "The guest, by phone number or by id; the guest must exist (POST /api/v1/guests)." }),
    visitedAt: z.iso
      .datetime({ offset: true, message: "An RFC 3339 time with its offset, e.g. 2026-12-03T19:30:00+01:00." })
      .refine((t) => Date.parse(t) <= Date.now() + VISIT_CLOCK_SKEW_MS, "A visit can't be in the future.")
      .refine((t) => Date.parse(t) >= Date.UTC(2000, 0, 1), "Too long ago.")
      .meta({ example: "2026-12-03T19:30:00+01:00" }),
    partySize: z.number().int("A whole number.").min(1).max(500).optional(),
    spend: spendSchema.optional(),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Your booking or receipt number: a visit is recorded once per external id." }),
  })
  .strict()
  .meta({ id: "VisitInput" });
export type VisitInput = z.infer<typeof visitInputSchema>;

export const visitSchema = z
  .object({
    id: z.uuid(),
    guestId: z.uuid(),
    visitedAt: z.string().meta({ description: "UTC, RFC 3339." }),
    partySize: z.number().int().nullable(),
    spend: z.object({ amount: z.string(), amountMinor: z.number().int(), currency: z.string() }).nullable(),
    externalId: z.string().nullable(),
    created: z
      .boolean()
      .meta({ description: "False when a visit with this external id already existed (HTTP 200, nothing added)." }),
  })
  .meta({ id: "Visit" });
export type VisitAnswer = z.infer<typeof visitSchema>;

/** RFC 9457 problem details, the shape of every error (lib/api/problem.ts builds them). */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A stable URI naming the problem (tag URI)." }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: "The problem's code, e.g. validation-failed." }),
    detail: z.string(),
    errors: z
      .array(z.object({ path: z.string().meta({ example: "spend.amount" }), message: z.string() }))
      .optional()
      .meta({ description: "For validation-failed: each invalid field, by its path in the body." }),
  })
  .meta({ id: "Problem" });
