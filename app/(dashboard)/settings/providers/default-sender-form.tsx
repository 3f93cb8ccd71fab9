"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(current ?? "");
  const [serverError, setServerError] = useState<string>();
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
        startTransition(async () => {
          const result = await saveDefaultSenderAction({ provider, sender: value });
          if (!result.ok) return setServerError(result.error.fieldErrors?.sender?.[0] ?? result.error.message);
          toast.success(
            result.data.sender ? `Default sender set to ${result.data.sender}.` : "Default sender cleared.",
          );
          router.refresh();
        });
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
            setServerError(undefined);
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
