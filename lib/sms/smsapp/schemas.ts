import { z } from "zod";
import { parseSmsappStatus } from "./status";

/** Every Ultimate SMS answer: `{status, message, data}`; errors may come with HTTP 200. */
export const envelopeSchema = z.object({
  status: z.string(),
  message: z.string().nullable().optional(),
  data: z.unknown().optional(),
});

const phone = z.union([z.string(), z.number()]).transform(String);
const wholeNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
const nullableText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** The six columns Ultimate SMS selects for an SMS; `status` is parsed into a structured value. */
export const smsSchema = z
  .object({
    uid: z.string().min(1),
    to: phone,
    from: nullableText,
    message: z.string(),
    status: z.string(),
    cost: wholeNumber.nullable().optional(),
  })
  .transform((v) => ({ ...v, cost: v.cost ?? null, status: parseSmsappStatus(v.status) }));
export type SmsappMessage = z.output<typeof smsSchema>;

/** Laravel 8 length-aware paginator. */
export const paginatorSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    current_page: wholeNumber,
    data: z.array(item),
    from: wholeNumber.nullable(),
    to: wholeNumber.nullable(),
    last_page: wholeNumber,
    per_page: wholeNumber,
    total: wholeNumber,
    next_page_url: z.string().nullable().optional(),
    prev_page_url: z.string().nullable().optional(),
    links: z
      .array(
        z.object({
          url: z.string().nullable(),
          label: z.union([z.string(), z.number()]).transform(String),
          active: z.boolean().optional(),
        }),
      )
      .optional(),
  });

export const balanceSchema = z.object({
  remaining_unit: z.union([z.string(), z.number()]).transform(String),
  expired_on: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

/** `/me` also returns `api_token`; it is deliberately not part of this schema, so it never leaves the client. */
export const profileSchema = z
  .object({
    uid: z.string(),
    first_name: nullableText,
    last_name: nullableText,
    email: nullableText,
    locale: nullableText,
    timezone: nullableText,
    last_access_at: nullableText,
  })
  .transform((v) => ({
    uid: v.uid,
    firstName: v.first_name,
    lastName: v.last_name,
    email: v.email,
    locale: v.locale,
    timezone: v.timezone,
    lastAccessAt: v.last_access_at,
  }));
export type SmsappProfile = z.output<typeof profileSchema>;

export const contactGroupSchema = z.object({ uid: z.string().min(1), name: z.string() });
export type SmsappContactGroup = z.output<typeof contactGroupSchema>;

export const contactSchema = z
  .object({ uid: z.string().min(1), phone: phone, first_name: nullableText, last_name: nullableText })
  .transform((v) => ({ uid: v.uid, phone: v.phone, firstName: v.first_name, lastName: v.last_name }));
export type SmsappContact = z.output<typeof contactSchema>;

/** Bulk replies are undocumented; we only use `data` when it is a list of SMS objects. */
export const bulkDataSchema = z.union([z.array(smsSchema), z.unknown().transform(() => null)]);
