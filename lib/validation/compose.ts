import "./zod-browser";
import { z } from "zod";
import { GUEST_LOCALES } from "@/lib/i18n/locales";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import { MAX_MESSAGE_LENGTH } from "./providers";

/** What the till shows ("2 for 1 pizza, mains only"): short enough to read at a glance. */
export const OFFER_TITLE_MAX_CHARACTERS = 80;

import { testRecipientSchema } from "./test-sends";

// Shared by the compose form and its server actions (no server-only imports here).

/** A provider, or "auto" (each number by the restaurant's routing rules). */
export const providerChoiceSchema = z.enum(["auto", ...PROVIDER_NAMES], "Compose.validation.provider");

export const audienceInputSchema = z.object({
  category: z.enum(["marketing", "transactional"], "Compose.validation.category"),
  groupIds: z.array(z.uuid("Compose.validation.unknownGroup")).max(100, "Compose.validation.tooManyGroups"),
  contactIds: z.array(z.uuid("Compose.validation.unknownGuest")).max(5000, "Compose.validation.tooManyGuests"),
  /** Pasted numbers: one per line, or separated by commas or semicolons. */
  numbers: z.string().max(200_000, "Compose.validation.numbersTooLong"),
});
export type AudienceInput = z.infer<typeof audienceInputSchema>;

const messageText = z
  .string()
  .max(MAX_MESSAGE_LENGTH, "Compose.validation.messageTooLong")
  .refine((m) => m.trim().length > 0, "Compose.validation.messageRequired");

/** The same message in another language, for the guests who read it (lib/messages/message-versions.ts). */
export const messageTranslationSchema = z.object({
  language: z.enum(GUEST_LOCALES, "Compose.validation.versionLanguage"),
  // An empty version is refused when the send is planned, naming its language.
  message: z.string().max(MAX_MESSAGE_LENGTH, "Compose.validation.messageTooLong"),
});

/** A promotion's offer ("2 for 1 pizza"): each guest gets a code for it through `{offer_code}`. */
export const offerChoiceSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Compose.validation.offerTitleRequired")
    .max(OFFER_TITLE_MAX_CHARACTERS, "Compose.validation.offerTitleTooLong"),
  /** Calendar days (yyyy-mm-dd) in the restaurant's zone: from the start of the first to the end of the last. */
  validFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Compose.validation.offerDay")
    .nullish(),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Compose.validation.offerDay"),
});
export type OfferChoice = z.infer<typeof offerChoiceSchema>;

export const messageInputSchema = z.object({
  message: messageText,
  optOutFooter: z.boolean(),
  /** The language `message` is written in (and its footer's). */
  footerLanguage: z.enum(GUEST_LOCALES, "Compose.validation.versionLanguage"),
  /** Versions in other languages; each language at most once, never the main one's (checked when planned). */
  translations: z
    .array(messageTranslationSchema)
    .max(GUEST_LOCALES.length - 1, "Compose.validation.tooManyVersions")
    .optional(),
  provider: providerChoiceSchema,
  sender: z.string().trim().max(20, "Compose.validation.senderTooLong"),
  /** Promotions only; null or absent = no offer (a text using `{offer_code}` is then refused). */
  offer: offerChoiceSchema.nullish(),
  /** "Shorten and track links" (promotions): each link becomes the guest's own short link. */
  trackLinks: z.boolean().optional(),
});

export const scheduleSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("now") }),
  z.object({
    mode: z.literal("later"),
    /** As typed in a datetime-local input, read in the restaurant's time zone. */
    localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Compose.validation.dateTime"),
    expireAfterMinutes: z
      .number()
      .int()
      .min(5, "Compose.validation.expireMin")
      .max(24 * 60, "Compose.validation.expireMax")
      .nullable(),
  }),
  z.object({
    mode: z.literal("weekly"),
    /** 0 = Sunday … 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)).min(1, "Compose.validation.weekdays").max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Compose.validation.time"),
    skipDates: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Compose.validation.skipDate"))
      .max(200, "Compose.validation.tooManySkipDates"),
    expireAfterMinutes: z
      .number()
      .int()
      .min(5, "Compose.validation.expireMin")
      .max(24 * 60, "Compose.validation.expireMax")
      .nullable(),
  }),
]);
export type ScheduleInput = z.infer<typeof scheduleSchema>;

/** The audience preview's send time, as typed (the restaurant's zone): the frequency cap is counted then. */
export const previewSendAtSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Compose.validation.dateTime")
  .nullish();

export const composeSchema = audienceInputSchema.extend(messageInputSchema.shape).extend({
  name: z.string().trim().min(1, "Compose.validation.nameRequired").max(80, "Compose.validation.nameTooLong"),
  schedule: scheduleSchema,
});
export type ComposeInput = z.infer<typeof composeSchema>;

/** Splits a pasted list into raw entries (one per line, comma or semicolon), dropping blanks. */
export function splitPastedNumbers(text: string): string[] {
  return text
    .split(/[\n;,\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A compose test: the composed message and sender, checked as a real send, to an allowed test phone. */
export const composeTestSchema = messageInputSchema.extend({
  category: audienceInputSchema.shape.category,
  recipient: testRecipientSchema,
});
export type ComposeTestInput = z.infer<typeof composeTestSchema>;
