"use client";

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
  const saving = useAction(saveCredentialsAction, {
    errors: "inline",
    success: `${summary.label} credentials saved. Checking the connection...`,
  });
  const clearing = useAction(clearCredentialsAction, { success: `Saved ${summary.label} credentials removed.` });
  const pending = saving.pending || clearing.pending;
  const username = saving.fieldError("username");
  const secretError = saving.fieldError("secret");
  const errors: Errors = {
    username,
    secret: secretError,
    form: saving.error && !username && !secretError ? saving.error.message : undefined,
  };
  const info = providerInfo(summary.provider);
  const { username: hasUsername, secretName: secretLabel } = info.credentials;
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
    <section aria-label={`${summary.label} credentials`} className="space-y-3 border-t pt-4">
      <h3 className="text-sm font-medium">Credentials</h3>
      {summary.source === "environment" ? (
        <p className="text-xs text-muted-foreground">
          Environment variables are in use. Credentials saved here are used only if those are removed.
        </p>
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
            <Label htmlFor={id("username")}>{info.shortLabel} username</Label>
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
          <Label htmlFor={id("secret")}>{`${info.shortLabel} ${secretLabel}`}</Label>
          <Input
            id={id("secret")}
            name="secret"
            type="password"
            autoComplete="new-password"
            placeholder={
              summary.hasSavedCredentials ? `Saved (${summary.secretHint ?? "…"}): enter a new one to replace it` : ""
            }
            aria-invalid={Boolean(errors.secret)}
            aria-describedby={errors.secret ? id("secret-error") : id("secret-hint")}
          />
          {!errors.secret ? (
            <p id={id("secret-hint")} className="text-xs text-muted-foreground">
              {info.credentials.whereToFind} Stored encrypted; never shown again.
            </p>
          ) : null}
          <FieldError id={id("secret-error")}>{errors.secret}</FieldError>
        </div>
        <FieldError>{errors.form}</FieldError>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            Save {secretLabel}
          </Button>
          {summary.hasSavedCredentials ? (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button type="button" size="sm" variant="outline" disabled={pending}>
                  Remove saved credentials
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>Remove the saved {summary.label} credentials?</AlertDialogTitle>
                  <AlertDialogDescription>
                    {summary.source === "saved"
                      ? `${summary.label} goes back to the sandbox: new messages reach no real phone until credentials are entered again.`
                      : "The environment variables stay in use."}
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Keep them</AlertDialogCancel>
                  <AlertDialogAction onClick={clear}>Remove</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          ) : null}
        </div>
      </form>
    </section>
  );
}
