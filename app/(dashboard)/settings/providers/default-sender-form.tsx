"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { senderProblem } from "@/lib/providers/sender-rules";
import { type ProviderName, providerInfo } from "@/lib/sms/providers";
import { saveDefaultSenderAction } from "./actions";

/** The name guests see as the sender, checked against the provider's rules as it is typed. */
export function DefaultSenderForm({
  provider,
  current,
  rules,
}: {
  provider: ProviderName;
  current: string | null;
  rules: string;
}) {
  const [value, setValue] = useState(current ?? "");
  const save = useAction(saveDefaultSenderAction, {
    errors: "inline",
    success: (data) => (data.sender ? `Default sender set to ${data.sender}.` : "Default sender cleared."),
  });
  const { pending } = save;
  const serverError = save.error ? (save.fieldError("sender") ?? save.error.message) : undefined;
  const liveProblem = value.trim() ? senderProblem(provider, value) : null;
  const error = serverError ?? liveProblem ?? undefined;
  const id = `${provider}-sender`;
  // What its sender handling costs, where that matters (smsapp.pk: a default sender means one call per guest).
  const note = providerInfo(provider).defaultSenderNote;

  return (
    <form
      noValidate
      className="space-y-2 border-t pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ provider, sender: value });
      }}
    >
      <Label htmlFor={id}>Default sender</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          name="sender"
          value={value}
          maxLength={20}
          autoComplete="off"
          onChange={(e) => {
            setValue(e.target.value);
            save.reset();
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        <Button type="submit" size="sm" variant="secondary" className="h-10" disabled={pending || Boolean(liveProblem)}>
          Save
        </Button>
      </div>
      {error ? (
        <FieldError id={`${id}-error`}>{error}</FieldError>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {rules}
        </p>
      )}
      {note ? <p className="text-xs text-muted-foreground">{note(current ?? "")}</p> : null}
    </form>
  );
}
