"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice: string | null }) {
  const t = useTranslations("Auth.signIn");
  // A server action passed straight to the form, so signing in works before the page's script has loaded.
  const [result, formAction, pending] = useActionState(signInAction, null);
  const state = result === null ? {} : result.ok ? result.data : { error: result.error.message };
  const message = state.error ?? notice;

  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message ? (
        <Alert variant="destructive" data-testid="sign-in-error">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={state.email}
          key={state.email /* React resets uncontrolled inputs after an action; keep what was typed */}
        />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
