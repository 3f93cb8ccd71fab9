"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { NewKeyDialog } from "./new-key-dialog";

type Key = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdBy: string | null;
  created: string;
  lastUsed: string | null;
  revoked: string | null;
};

/** The API keys, a form to create one (its secret then shown once) and a button to revoke each. */
export function ApiKeysManager({ keys }: { keys: Key[] }) {
  const t = useTranslations("Settings.apiKeys");
  const tCommon = useTranslations("Common");
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [confirm, setConfirm] = useState<Key | null>(null);
  const revokedName = useRef("");
  const creating = useAction(createApiKeyAction, { errors: "inline" });
  const revoking = useAction(revokeApiKeyAction, { success: () => t("revokedToast", { name: revokedName.current }) });
  const pending = creating.pending || revoking.pending;
  const nameError = creating.fieldError("name");
  const scopesError = creating.fieldError("scopes");
  const formError = creating.error && !nameError && !scopesError ? creating.error.message : undefined;

  function create(form: HTMLFormElement) {
    const data = new FormData(form);
    creating
      .run({ name: String(data.get("name") ?? ""), scopes: data.getAll("scopes").map(String) as ApiScope[] })
      .then((result) => {
        if (result.ok) {
          form.reset();
          setCreated({ name: result.data.name, secret: result.data.secret });
        }
      });
  }

  function revoke(key: Key) {
    setConfirm(null);
    revokedName.current = key.name;
    revoking.run({ id: key.id });
  }

  return (
    <div className="space-y-6">
      {keys.length === 0 ? (
        <EmptyState icon={<KeyRound />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-0">
          <CardContent className="p-0">
            <ul aria-label={t("list")} className="divide-y">
              {keys.map((k) => (
                <li key={k.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      <span className="truncate">{k.name}</span>
                      {k.revoked ? <Badge variant="destructive">{t("revokedBadge")}</Badge> : null}
                    </p>
                    <p className="font-mono text-sm text-muted-foreground">{`${k.prefix}…`}</p>
                    <p className="flex flex-wrap gap-1">
                      {k.scopes.map((s) => (
                        <Badge key={s} variant="secondary">
                          {t(`scopes.${s}`)}
                        </Badge>
                      ))}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {k.createdBy
                        ? t("createdBy", { when: k.created, name: k.createdBy })
                        : t("created", { when: k.created })}
                      {" · "}
                      {k.revoked
                        ? t("revokedAt", { when: k.revoked })
                        : k.lastUsed
                          ? t("lastUsed", { when: k.lastUsed })
                          : t("neverUsed")}
                    </p>
                  </div>
                  {k.revoked ? null : (
                    <Button
                      type="button"
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      onClick={() => setConfirm(k)}
                      aria-label={t("revokeLabel", { name: k.name })}
                    >
                      {t("revoke")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      <form
        noValidate
        aria-label={t("createTitle")}
        className="space-y-3 rounded-lg border p-4"
        onSubmit={(e) => {
          e.preventDefault();
          create(e.currentTarget);
        }}
      >
        <h3 className="text-sm font-medium">{t("createTitle")}</h3>
        <div className="space-y-2">
          <Label htmlFor="api-key-name">{t("name")}</Label>
          <Input
            id="api-key-name"
            name="name"
            placeholder={t("namePlaceholder")}
            autoComplete="off"
            aria-invalid={Boolean(nameError)}
          />
          <FieldError>{nameError}</FieldError>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("scopesLabel")}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked className="mt-1 size-4" />
              <span>
                <span className="font-medium">{t(`scopes.${scope}`)}</span>
                <span className="block text-muted-foreground">{t(`scopeHelp.${scope}`)}</span>
              </span>
            </label>
          ))}
          <FieldError>{scopesError}</FieldError>
        </fieldset>
        <FieldError>{formError}</FieldError>
        <Button type="submit" disabled={pending}>
          {creating.pending ? t("creating") : t("create")}
        </Button>
      </form>

      <NewKeyDialog value={created} onClose={() => setCreated(null)} />

      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("revokeTitle", { name: confirm?.name ?? "" })}</AlertDialogTitle>
            <AlertDialogDescription>{t("revokeDescription")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              className="bg-destructive text-destructive-foreground hover:bg-destructive/90"
              onClick={() => confirm && revoke(confirm)}
            >
              {t("revoke")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
