"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { senderProblemOf } from "@/lib/providers/sender-rules";
import type { ProviderName } from "@/lib/sms/providers";
import { SMSAPP_BULK_LIMIT } from "@/lib/sms/smsapp/info";
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
  const t = useTranslations("Providers");
  const tCommon = useTranslations("Common");
  const [value, setValue] = useState(current ?? "");
  const save = useAction(saveDefaultSenderAction, {
    errors: "inline",
    success: (data) => (data.sender ? t("sender.set", { sender: data.sender }) : t("sender.cleared")),
  });
  const { pending } = save;
  const serverError = save.error ? (save.fieldError("sender") ?? save.error.message) : undefined;
  const problem = value.trim() ? senderProblemOf(provider, value) : null;
  const liveProblem = problem
    ? t(`senderProblems.${problem.key}`, "values" in problem ? problem.values : undefined)
    : null;
  const error = serverError ?? liveProblem ?? undefined;
  const id = `${provider}-sender`;
  // What its sender handling costs, where that matters (smsapp.pk: a default sender means one call per guest).
  // Only a provider with a note (smsapp.pk) has one in the catalogue (Providers.info.<name>.defaultSenderNote*);
  // the bulk limit is the only figure any note names.
  const noteKey = `info.${provider}.${current ? "defaultSenderNoteSet" : "defaultSenderNoteEmpty"}` as never;
  const note = t.has(noteKey) ? t(noteKey, { current: current ?? "", limit: SMSAPP_BULK_LIMIT } as never) : null;

  return (
    <form
      noValidate
      className="space-y-2 border-t pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ provider, sender: value });
      }}
    >
      <Label htmlFor={id}>{t("sender.label")}</Label>
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
          {tCommon("save")}
        </Button>
      </div>
      {error ? (
        <FieldError id={`${id}-error`}>{error}</FieldError>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {rules}
        </p>
      )}
      {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
    </form>
  );
}
