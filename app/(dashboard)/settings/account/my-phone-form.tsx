"use client";

import { CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type ActionError, useAction } from "@/lib/actions/use-action";
import { confirmPhoneCodeAction, removeOwnPhoneAction, requestPhoneCodeAction } from "./phone-actions";

type Props = { phone: string | null; verified: boolean; pendingPhone: string | null };

/** Enter a number, get a 6-digit code by text, type it in: the phone is then verified for test messages. */
export function MyPhoneForm({ phone, verified, pendingPhone }: Props) {
  const t = useTranslations("Account.phone");
  const tCommon = useTranslations("Common");
  const [changing, setChanging] = useState(!phone);
  // One message line under the forms, for whichever of the three actions ran last.
  const [error, setError] = useState<string | null>(null);
  const waiting = Boolean(pendingPhone) && !changing;
  const shared = { errors: "inline", onError: (e: ActionError) => setError(e.message) } as const;
  const request = useAction(requestPhoneCodeAction, {
    ...shared,
    success: t("codeSent"),
    onSuccess: () => {
      setError(null);
      setChanging(false);
    },
  });
  const confirm = useAction(confirmPhoneCodeAction, {
    ...shared,
    success: t("phoneVerified"),
    onSuccess: () => setError(null),
  });
  const remove = useAction(removeOwnPhoneAction, {
    ...shared,
    success: t("phoneRemoved"),
    onSuccess: () => setError(null),
  });
  const pending = request.pending || confirm.pending || remove.pending;

  const requestCode = (form: HTMLFormElement) => {
    request.run({ phone: String(new FormData(form).get("phone") ?? "") });
  };
  const confirmCode = (form: HTMLFormElement) => {
    confirm.run({ code: String(new FormData(form).get("code") ?? "") }).then((result) => {
      if (result.ok) form.reset();
    });
  };

  return (
    <div className="max-w-md space-y-4">
      {phone && verified && !changing ? (
        <p className="flex items-center gap-2 text-sm">
          <CircleCheck className="size-4 text-emerald-600" aria-hidden />
          <span>{t.rich("verified", { phone, b: (chunks) => <span className="font-medium">{chunks}</span> })}</span>
        </p>
      ) : null}

      {waiting ? (
        <form
          noValidate
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            confirmCode(e.currentTarget);
          }}
        >
          <Label htmlFor="phone-code">{t("codeSentTo", { phone: pendingPhone ?? "" })}</Label>
          <div className="flex gap-2">
            <Input
              id="phone-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="123456"
              className="max-w-40"
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "my-phone-error" : undefined}
            />
            <Button type="submit" disabled={pending}>
              {pending ? t("checking") : t("confirm")}
            </Button>
          </div>
          <p className="text-xs text-muted-foreground">{t("codeHint")}</p>
        </form>
      ) : null}

      {changing || !phone || (!verified && !waiting) ? (
        <form
          noValidate
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            requestCode(e.currentTarget);
          }}
        >
          <Label htmlFor="my-phone">{t("number")}</Label>
          <div className="flex gap-2">
            <Input
              id="my-phone"
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              placeholder="+45 20 12 34 56"
              defaultValue={verified ? "" : (phone ?? "")}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "my-phone-error" : undefined}
            />
            <Button type="submit" disabled={pending}>
              {pending ? t("sending") : t("textMe")}
            </Button>
          </div>
        </form>
      ) : null}

      <FieldError id="my-phone-error">{error}</FieldError>

      <div className="flex flex-wrap gap-2">
        {phone && !changing ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              setError(null);
              setChanging(true);
            }}
          >
            {waiting ? t("useAnother") : t("change")}
          </Button>
        ) : null}
        {phone && changing ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => setChanging(false)}>
            {tCommon("cancel")}
          </Button>
        ) : null}
        {phone && !changing ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={pending}
            onClick={() => remove.run({ confirm: true })}
          >
            {tCommon("remove")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
