import "./zod-browser";
import { z } from "zod";

// Shared by the test-send forms and their server actions (no server-only imports here).

/** Where a test goes: "own" (the signed-in user's verified phone) or the id of a staff phone. Never a typed number. */
export const testRecipientSchema = z.union([z.literal("own"), z.uuid()], "Providers.testSends.validation.recipient");
export type TestRecipientChoice = z.infer<typeof testRecipientSchema>;

const phoneField = z
  .string()
  .trim()
  .min(1, "Providers.testSends.validation.phoneRequired")
  .max(30, "Providers.testSends.validation.phoneTooLong");

export const requestPhoneCodeSchema = z.object({ phone: phoneField });

export const confirmPhoneCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Providers.testSends.validation.code"),
});

export const addStaffPhoneSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Providers.testSends.validation.nameRequired")
    .max(60, "Providers.testSends.validation.nameTooLong"),
  phone: phoneField,
});

export const removeStaffPhoneSchema = z.object({ id: z.uuid("Providers.testSends.validation.unknownPhone") });
