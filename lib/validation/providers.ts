import "./zod-browser";
import { z } from "zod";
import { senderProblemMessage } from "@/lib/providers/sender-rules";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import { testRecipientSchema } from "./test-sends";

// Shared by forms and server actions (no server-only imports here).

export const providerNameSchema = z.enum(PROVIDER_NAMES, "Providers.validation.unknownProvider");

export const cpsmsCredentialsSchema = z.object({
  provider: z.literal("cpsms"),
  username: z
    .string()
    .trim()
    .min(1, "Providers.validation.usernameRequired")
    .max(100, "Providers.validation.usernameTooLong"),
  secret: z.string().trim().min(8, "Providers.validation.apiKeyShort").max(200, "Providers.validation.apiKeyLong"),
});

export const smsappCredentialsSchema = z.object({
  provider: z.literal("smsapp"),
  secret: z.string().trim().min(8, "Providers.validation.apiTokenShort").max(500, "Providers.validation.apiTokenLong"),
});

export const providerCredentialsSchema = z.discriminatedUnion("provider", [
  cpsmsCredentialsSchema,
  smsappCredentialsSchema,
]);
export type ProviderCredentialsInput = z.infer<typeof providerCredentialsSchema>;

export const defaultSenderSchema = z
  .object({ provider: providerNameSchema, sender: z.string().trim().max(20, "Providers.validation.senderTooLong") })
  .superRefine((value, ctx) => {
    // Empty clears the default (the provider account's own default is then used).
    const problem = value.sender ? senderProblemMessage(value.provider, value.sender) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["sender"], message: problem });
  });
export type DefaultSenderInput = z.infer<typeof defaultSenderSchema>;

/** CPSMS and smsapp.pk both take at most 1530 characters (10 GSM-7 segments). */
export const MAX_MESSAGE_LENGTH = 1530;

/** The owner's connection test: a fixed text from the default sender, to one of the allowed test phones. */
export const testSmsSchema = z.object({ provider: providerNameSchema, recipient: testRecipientSchema });
export type TestSmsInput = z.infer<typeof testSmsSchema>;
