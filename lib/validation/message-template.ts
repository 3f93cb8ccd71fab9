import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "./providers";

// Shared by compose's "Save as template" and its server actions (no server-only imports here).

export const TEMPLATE_NAME_MAX = 80;

export const saveTemplateSchema = z.object({
  name: z
    .string("Name the template.")
    .trim()
    .min(1, "Name the template so staff can find it.")
    .max(TEMPLATE_NAME_MAX, `Name the template in ${TEMPLATE_NAME_MAX} characters or fewer.`),
  body: z
    .string("Write the message to save.")
    .max(
      MAX_MESSAGE_LENGTH,
      `A template can have at most ${MAX_MESSAGE_LENGTH.toLocaleString("en")} characters, like a message.`,
    )
    .refine((m) => m.trim().length > 0, "Write the message to save first."),
  category: z.enum(["marketing", "transactional"], "Choose promotion or service message."),
  language: z.enum(["en", "da"], "Choose the language the text is written in."),
});
export type SaveTemplateInput = z.infer<typeof saveTemplateSchema>;

export const deleteTemplateSchema = z.object({ id: z.uuid("That template doesn't exist (it may have been deleted).") });
