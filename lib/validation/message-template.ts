import "./zod-browser";
import { z } from "zod";
import { GUEST_LOCALES } from "@/lib/i18n/locales";
import { MAX_MESSAGE_LENGTH } from "./providers";

// Shared by compose's "Save as template" and its server actions (no server-only imports here).

import { TEMPLATE_NAME_MAX } from "./limits";

export { TEMPLATE_NAME_MAX };

export const saveTemplateSchema = z.object({
  name: z
    .string("Compose.validation.templateNameRequired")
    .trim()
    .min(1, "Compose.validation.templateNameRequired")
    .max(TEMPLATE_NAME_MAX, "Compose.validation.templateNameTooLong"),
  body: z
    .string("Compose.validation.templateBodyRequired")
    .max(MAX_MESSAGE_LENGTH, "Compose.validation.templateBodyTooLong")
    .refine((m) => m.trim().length > 0, "Compose.validation.templateBodyRequired"),
  category: z.enum(["marketing", "transactional"], "Compose.validation.category"),
  language: z.enum(GUEST_LOCALES, "Compose.validation.templateLanguage"),
});
export type SaveTemplateInput = z.infer<typeof saveTemplateSchema>;

export const deleteTemplateSchema = z.object({ id: z.uuid("Compose.errors.templateNotFound") });
