import "./zod-browser";
import { z } from "zod";
import { API_SCOPES } from "@/lib/api/scopes";

// Shared by Settings > API keys and its server actions (no server-only imports here).

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Settings.apiKeys.validation.nameRequired")
    .max(60, "Settings.apiKeys.validation.nameTooLong"),
  scopes: z
    .array(z.enum(API_SCOPES, "Settings.apiKeys.validation.scopes"))
    .min(1, "Settings.apiKeys.validation.scopes")
    .transform((s) => [...new Set(s)]),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid("Settings.apiKeys.validation.unknownKey") });
