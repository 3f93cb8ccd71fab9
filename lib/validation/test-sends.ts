import { z } from "zod";

// Shared by the test-send forms and their server actions (no server-only imports here).

/** Where a test goes: "own" (the signed-in user's verified phone) or the id of a staff phone. Never a typed number. */
export const testRecipientSchema = z.union([z.literal("own"), z.uuid()], "Choose the phone to send the test to.");
export type TestRecipientChoice = z.infer<typeof testRecipientSchema>;

const phoneField = z.string().trim().min(1, "Enter the phone number.").max(30, "That phone number is too long.");

export const requestPhoneCodeSchema = z.object({ phone: phoneField });

export const confirmPhoneCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the text message."),
});

export const addStaffPhoneSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the phone, e.g. "Bar phone" or "Sara\'s mobile".')
    .max(60, "Use at most 60 characters."),
  phone: phoneField,
});

export const removeStaffPhoneSchema = z.object({ id: z.uuid("Unknown test phone.") });
