"use client";

import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import type { ProviderSummary } from "@/lib/providers/provider-summary";
import { providerInfo } from "@/lib/sms/providers";
import type { ProviderCredentialsInput } from "@/lib/validation/providers";
import { clearCredentialsAction, saveCredentialsAction } from "./actions";

type Errors = Partial<Record<"username" | "secret" | "form", string>>;

/** Saves credentials (encrypted on the server); a saved key is shown only by its last four characters. */
export function CredentialsForm({ summary }: { summary: ProviderSummary }) {
  const t = useTranslations("Providers");
  const tCommon = useTranslations("Common");
  const saving = useAction(saveCredentialsAction, {
    errors: "inline",
    success: t("credentials.saved", { provider: summary.label }),
  });
  const clearing = useAction(clearCredentialsAction, {
    success: t("credentials.removed", { provider: summary.label }),
  });
  const pending = saving.pending || clearing.pending;
  const username = saving.fieldError("username");
  const secretError = saving.fieldError("secret");
  const errors: Errors = {
    username,
    secret: secretError,
    form: saving.error && !username && !secretError ? saving.error.message : undefined,
  };
  const info = providerInfo(summary.provider);
  const { username: hasUsername } = info.credentials;
  const secretLabel = t(`info.${summary.provider}.secretName`);
  const id = (name: string) => `${summary.provider}-${name}`;

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const secret = String(data.get("secret") ?? "");
    const username = hasUsername ? { username: String(data.get("username") ?? "") } : {};
    // The schema (per provider) checks the shape on the server; this only gathers the fields the provider has.
    const input = { provider: summary.provider, ...username, secret } as ProviderCredentialsInput;
    saving.run(input).then((result) => {
      if (result.ok) form.reset();
    });
  }

  function clear() {
    clearing.run({ provider: summary.provider });
  }

  return (
    <section aria-label={t("credentials.label", { provider: summary.label })} className="space-y-3 border-t pt-4">
      <h3 className="text-sm font-medium">{t("credentials.heading")}</h3>
      {summary.source === "environment" ? (
        <p className="text-xs text-muted-foreground">{t("credentials.environmentInUse")}</p>
      ) : null}
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        {hasUsername ? (
          <div className="space-y-2">
            <Label htmlFor={id("username")}>{t("credentials.username", { provider: info.shortLabel })}</Label>
            <Input
              id={id("username")}
              name="username"
              autoComplete="off"
              defaultValue={summary.source === "saved" ? (summary.username ?? "") : ""}
              aria-invalid={Boolean(errors.username)}
              aria-describedby={errors.username ? id("username-error") : undefined}
            />
            <FieldError id={id("username-error")}>{errors.username}</FieldError>
          </div>
        ) : null}
        <div className="space-y-2">
          <Label htmlFor={id("secret")}>
            {t("credentials.secret", { provider: info.shortLabel, secretName: secretLabel })}
          </Label>
          <Input
            id={id("secret")}
            name="secret"
            type="password"
            autoComplete="new-password"
            placeholder={
              summary.hasSavedCredentials ? t("credentials.savedPlaceholder", { hint: summary.secretHint ?? "…" }) : ""
            }
            aria-invalid={Boolean(errors.secret)}
            aria-describedby={errors.secret ? id("secret-error") : id("secret-hint")}
          />
          {!errors.secret ? (
            <p id={id("secret-hint")} className="text-xs text-muted-foreground">
              {t("credentials.hint", { whereToFind: t(`info.${summary.provider}.whereToFind`) })}
            </p>
          ) : null}
          <FieldError id={id("secret-error")}>{errors.secret}</FieldError>
        </div>
        <FieldError>{errors.form}</FieldError>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {t("credentials.save", { secretName: secretLabel })}
          </Button>
          {summary.hasSavedCredentials ? (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button type="button" size="sm" variant="outline" disabled={pending}>
                  {t("credentials.remove")}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>{t("credentials.removeTitle", { provider: summary.label })}</AlertDialogTitle>
                  <AlertDialogDescription>
                    {summary.source === "saved"
                      ? t("credentials.removeSaved", { provider: summary.label })
                      : t("credentials.removeEnvironment")}
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>{t("credentials.keep")}</AlertDialogCancel>
                  <AlertDialogAction onClick={clear}>{tCommon("remove")}</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          ) : null}
        </div>
      </form>
    </section>
  );
}
