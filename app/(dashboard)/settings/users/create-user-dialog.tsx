"use client";

import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { type ActionError, useAction } from "@/lib/actions/use-action";
import { ROLES } from "@/lib/auth/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/limits";
import { createUserAction } from "./actions";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";

type Role = (typeof ROLES)[number];
type Errors = Partial<Record<"name" | "email" | "role" | "password" | "form", string>>;

/** The messages of a failed save, next to each field, or for the whole form when none names a field. */
function errorsByField(error: ActionError | null): Errors {
  if (!error) return {};
  const f = error.fieldErrors ?? {};
  const next: Errors = { name: f.name?.[0], email: f.email?.[0], role: f.role?.[0], password: f.password?.[0] };
  if (!Object.values(next).some(Boolean)) next.form = error.message;
  return next;
}

export function CreateUserDialog() {
  const t = useTranslations("Settings.users");
  const tAuth = useTranslations("Auth");
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>("staff");
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const create = useAction(createUserAction, {
    errors: "inline",
    success: (_data, input) => t("toasts.created", { name: input.name }),
    onSuccess: (data, input) => {
      setOpen(false);
      setRole("staff");
      if (data.temporaryPassword) setIssued({ name: input.name, password: data.temporaryPassword });
    },
  });
  const { pending } = create;
  const errors = errorsByField(create.error);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const password = String(data.get("password") ?? "");
    create.run({
      name,
      email: String(data.get("email") ?? ""),
      role,
      password: password === "" ? undefined : password,
    });
  }

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) create.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button>
            <UserPlus className="size-4" aria-hidden /> {t("create.open")}
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("create.title")}</DialogTitle>
            <DialogDescription>{t("create.description")}</DialogDescription>
          </DialogHeader>
          <form
            id="create-user-form"
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit(e.currentTarget);
            }}
          >
            <TextField name="name" label={t("create.name")} autoComplete="off" error={errors.name} />
            <TextField name="email" label={t("create.email")} type="email" autoComplete="off" error={errors.email} />
            <div className="space-y-2">
              <Label htmlFor="role">{t("create.role")}</Label>
              <Select value={role} onValueChange={(v) => setRole(v as Role)}>
                <SelectTrigger id="role" className="w-full" aria-describedby="role-description">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ROLES.map((r) => (
                    <SelectItem key={r} value={r}>
                      {tAuth(`roles.${r}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <p id="role-description" className="text-xs text-muted-foreground">
                {tAuth(`roleDescriptions.${role}`)}
              </p>
              <FieldError>{errors.role}</FieldError>
            </div>
            <TextField
              name="password"
              label={t("create.password")}
              type="password"
              autoComplete="new-password"
              hint={t("create.passwordHint", { min: PASSWORD_MIN_LENGTH })}
              error={errors.password}
            />
            <FieldError>{errors.form}</FieldError>
          </form>
          <DialogFooter>
            <Button type="submit" form="create-user-form" disabled={pending}>
              {pending ? t("create.submitting") : t("create.submit")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <TemporaryPasswordDialog value={issued} onClose={() => setIssued(null)} />
    </>
  );
}

function TextField(props: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  error?: string;
}) {
  const describedBy = props.error ? `${props.name}-error` : props.hint ? `${props.name}-hint` : undefined;
  return (
    <div className="space-y-2">
      <Label htmlFor={props.name}>{props.label}</Label>
      <Input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy}
      />
      {props.hint && !props.error ? (
        <p id={`${props.name}-hint`} className="text-xs text-muted-foreground">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${props.name}-error`}>{props.error}</FieldError>
    </div>
  );
}
