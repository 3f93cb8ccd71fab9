import "./zod-browser";
import { z } from "zod";
import { FIRST_NAME_MAX } from "@/lib/signup/limits";
import { isValidMonthDay } from "./contacts";

const GUEST_LANGUAGES = ["da", "en", "ur"] as const;

/**
 * A first name as people write theirs, in any script: letters and combining marks, with spaces, hyphens,
 * apostrophes and dots between them. No digits, links or markup: the name goes into texts we pay for.
 */
const NAME = /^[\p{L}\p{M}](?:[\p{L}\p{M}'’ .-]*[\p{L}\p{M}.])?$/u;

const optionalNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || (/^\d{1,2}$/.test(v) && Number(v) >= min && Number(v) <= max), "Errors.unexpectedForm")
    .transform((v) => (v === "" ? null : Number(v)));

/**
 * The public sign-up form (`/join`), posted as a plain form. Messages are `Guest.join.errors.*` keys, shown in
 * the guest's language. `website` is the honeypot (hidden from people, filled by bots); `stamp` is the signed
 * time the form was shown; `wordingHash` proves which consent wording the guest was shown.
 */
export const joinSchema = z
  .object({
    phone: z.string().trim().min(1, "Guest.join.errors.phoneRequired").max(40, "Guest.join.errors.phoneInvalid"),
    firstName: z
      .string()
      .trim()
      .min(1, "Guest.join.errors.nameRequired")
      .max(FIRST_NAME_MAX, "Guest.join.errors.nameTooLong")
      .regex(NAME, "Guest.join.errors.nameCharacters"),
    birthdayDay: optionalNumber(1, 31),
    birthdayMonth: optionalNumber(1, 12),
    language: z.enum(GUEST_LANGUAGES, "Errors.unexpectedForm"),
    source: z
      .string()
      .max(40, "Errors.unexpectedForm")
      .regex(/^[a-z0-9-]*$/, "Errors.unexpectedForm")
      .default(""),
    stamp: z.string().max(64, "Errors.unexpectedForm").default(""),
    wordingHash: z.string().max(64, "Errors.unexpectedForm").default(""),
    website: z.string().max(500, "Errors.unexpectedForm").default(""),
  })
  .superRefine((v, ctx) => {
    if ((v.birthdayDay === null) !== (v.birthdayMonth === null)) {
      ctx.addIssue({ code: "custom", path: ["birthdayDay"], message: "Guest.join.errors.birthdayPartial" });
    } else if (v.birthdayDay !== null && !isValidMonthDay(v.birthdayMonth!, v.birthdayDay)) {
      ctx.addIssue({ code: "custom", path: ["birthdayDay"], message: "Guest.join.errors.birthdayInvalid" });
    }
  });

export type JoinInput = z.infer<typeof joinSchema>;
