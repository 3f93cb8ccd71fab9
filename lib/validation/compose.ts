import { z } from "zod";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import { MAX_MESSAGE_LENGTH } from "./providers";
import { testRecipientSchema } from "./test-sends";

// Shared by the compose form and its server actions (no server-only imports here).

/** A provider, or "auto" (each number by the restaurant's routing rules). */
export const providerChoiceSchema = z.enum(["auto", ...PROVIDER_NAMES], "Choose a provider.");

export const audienceInputSchema = z.object({
  category: z.enum(["marketing", "transactional"], "Choose promotion or service message."),
  groupIds: z.array(z.uuid("Unknown group.")).max(100, "Choose at most 100 groups."),
  contactIds: z
    .array(z.uuid("Unknown guest."))
    .max(5000, "Pick at most 5,000 guests one by one; use a group for more."),
  /** Pasted numbers: one per line, or separated by commas or semicolons. */
  numbers: z.string().max(200_000, "That list is too long to paste; import it into the guest book instead."),
});
export type AudienceInput = z.infer<typeof audienceInputSchema>;

export const messageInputSchema = z.object({
  message: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `Messages can have at most ${MAX_MESSAGE_LENGTH} characters.`)
    .refine((m) => m.trim().length > 0, "Write the message."),
  optOutFooter: z.boolean(),
  footerLanguage: z.enum(["en", "da"]),
  provider: providerChoiceSchema,
  sender: z.string().trim().max(20, "That sender is too long."),
});

export const scheduleSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("now") }),
  z.object({
    mode: z.literal("later"),
    /** As typed in a datetime-local input, read in the restaurant's time zone. */
    localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time."),
    expireAfterMinutes: z
      .number()
      .int()
      .min(5, "Use at least 5 minutes.")
      .max(24 * 60, "Use at most 24 hours.")
      .nullable(),
  }),
  z.object({
    mode: z.literal("weekly"),
    /** 0 = Sunday … 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)).min(1, "Choose at least one day.").max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time like 16:00."),
    skipDates: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Write dates to skip as YYYY-MM-DD."))
      .max(200, "Skip at most 200 dates."),
    expireAfterMinutes: z
      .number()
      .int()
      .min(5, "Use at least 5 minutes.")
      .max(24 * 60, "Use at most 24 hours.")
      .nullable(),
  }),
]);
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export const composeSchema = audienceInputSchema.extend(messageInputSchema.shape).extend({
  name: z
    .string()
    .trim()
    .min(1, "Give the campaign a name staff will recognise.")
    .max(80, "Use at most 80 characters."),
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
