import "./zod-browser";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

// Shared by forms and server actions (no server-only imports here).

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./limits";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "Auth.validation.passwordMin")
  .max(PASSWORD_MAX_LENGTH, "Auth.validation.passwordMax");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Auth.validation.emailTooLong")
  .pipe(z.email("Auth.validation.emailInvalid"));

export const userIdSchema = z.uuid("Auth.validation.unknownUser");

export const roleSchema = z.enum(ROLES, "Auth.validation.roleInvalid");

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, "Auth.validation.passwordRequired")
    .max(PASSWORD_MAX_LENGTH, "Auth.validation.passwordTooLong"),
});

export const createUserSchema = z.object({
  name: z.string().trim().min(1, "Auth.validation.nameRequired").max(100, "Auth.validation.nameTooLong"),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const setActiveSchema = z.object({ userId: userIdSchema, active: z.boolean() });

export const resetPasswordSchema = z.object({ userId: userIdSchema });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Auth.validation.currentPasswordRequired").max(PASSWORD_MAX_LENGTH),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Auth.validation.passwordsDontMatch",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Auth.validation.passwordSame",
  });
