"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/limits";
import { changeOwnPasswordAction } from "./actions";

type Field = "currentPassword" | "newPassword" | "confirmPassword";
const FIELDS: { name: Field; label: "current" | "new" | "repeat"; autoComplete: string }[] = [
  { name: "currentPassword", label: "current", autoComplete: "current-password" },
  { name: "newPassword", label: "new", autoComplete: "new-password" },
  { name: "confirmPassword", label: "repeat", autoComplete: "new-password" },
];

export function ChangePasswordForm({ required }: { required: boolean }) {
  const t = useTranslations("Account.password");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { run, pending } = useAction(changeOwnPasswordAction, {
    errors: "inline",
    success: t("changed"),
    onError: (error) => {
      const fieldErrors = error.fieldErrors ?? {};
      const next = Object.fromEntries(FIELDS.map(({ name }) => [name, fieldErrors[name]?.[0]]));
      // A wrong current password (or throttling) is not a field error, but it belongs next to that field.
      if (error.code !== "INVALID_INPUT" || !Object.values(next).some(Boolean)) next.currentPassword = error.message;
      setErrors(next);
    },
  });

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = Object.fromEntries(FIELDS.map(({ name }) => [name, String(data.get(name) ?? "")])) as Record<
      Field,
      string
    >;
    run(input).then((result) => {
      if (!result.ok) return;
      setErrors({});
      form.reset();
      if (required) router.push("/");
    });
  }

  return (
    <form
      className="max-w-md space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {FIELDS.map(({ name, label, autoComplete }) => (
        <div key={name} className="space-y-2">
          <Label htmlFor={name}>{t(label)}</Label>
          <Input
            id={name}
            name={name}
            type="password"
            autoComplete={autoComplete}
            aria-invalid={Boolean(errors[name])}
            aria-describedby={errors[name] ? `${name}-error` : name === "newPassword" ? "newPassword-hint" : undefined}
            required
          />
          {name === "newPassword" && !errors[name] ? (
            <p id="newPassword-hint" className="text-xs text-muted-foreground">
              {t("hint", { min: PASSWORD_MIN_LENGTH })}
            </p>
          ) : null}
          <FieldError id={`${name}-error`}>{errors[name]}</FieldError>
        </div>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? tCommon("saving") : t("submit")}
      </Button>
    </form>
  );
}
