"use client";

import { UserPlus } from "lucide-react";
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
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/users";
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
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>("staff");
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const create = useAction(createUserAction, {
    errors: "inline",
    success: (_data, input) => `${input.name} can now sign in.`,
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
            <UserPlus className="size-4" aria-hidden /> Add user
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Add a user</DialogTitle>
            <DialogDescription>They sign in with this email. You can change their role later.</DialogDescription>
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
            <TextField name="name" label="Name" autoComplete="off" error={errors.name} />
            <TextField name="email" label="Email" type="email" autoComplete="off" error={errors.email} />
            <div className="space-y-2">
              <Label htmlFor="role">Role</Label>
              <Select value={role} onValueChange={(v) => setRole(v as Role)}>
                <SelectTrigger id="role" className="w-full" aria-describedby="role-description">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ROLES.map((r) => (
                    <SelectItem key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <p id="role-description" className="text-xs text-muted-foreground">
                {ROLE_DESCRIPTIONS[role]}
              </p>
              <FieldError>{errors.role}</FieldError>
            </div>
            <TextField
              name="password"
              label="Password (optional)"
              type="password"
              autoComplete="new-password"
              hint={`Leave empty to generate a temporary password they must change. Otherwise at least ${PASSWORD_MIN_LENGTH} characters.`}
              error={errors.password}
            />
            <FieldError>{errors.form}</FieldError>
          </form>
          <DialogFooter>
            <Button type="submit" form="create-user-form" disabled={pending}>
              {pending ? "Adding..." : "Add user"}
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
