"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useAction } from "@/lib/actions/use-action";
import { MANUAL_GRANT_SOURCES } from "@/lib/validation/limits";
import { grantConsentAction, withdrawConsentAction } from "../actions";

/** Record a new grant (with source and wording) or a withdrawal; both go into the ledger. */
export function ConsentPanel({
  contactId,
  state,
  defaultWording,
}: {
  contactId: string;
  state: "granted" | "withdrawn" | "none";
  defaultWording: string;
}) {
  const t = useTranslations("Contacts.consent");
  const tCommon = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const granting = useAction(grantConsentAction, {
    errors: "inline",
    success: t("recorded"),
    warning: (data) => data.note,
    onSuccess: () => setOpen(false),
  });
  const withdrawing = useAction(withdrawConsentAction, {
    success: t("withdrawnToast"),
    warning: (data) => data.note,
  });
  const pending = granting.pending || withdrawing.pending;
  const error = granting.error?.message ?? null;

  function grant(form: HTMLFormElement) {
    const data = new FormData(form);
    granting.run({
      contactId,
      source: String(data.get("source") ?? "") as "in_person",
      wording: String(data.get("wording") ?? ""),
    });
  }

  function withdraw() {
    withdrawing.run({ selection: { ids: [contactId] } });
  }

  return (
    <div className="space-y-3 border-t pt-4">
      {open ? (
        <form
          className="space-y-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            grant(e.currentTarget);
          }}
        >
          {state === "withdrawn" ? <p className="text-sm text-warning">{t("withdrewBefore")}</p> : null}
          <div className="space-y-2">
            <Label htmlFor="grant-source">{t("howLabel")}</Label>
            <NativeSelect id="grant-source" name="source" defaultValue="">
              <option value="">{t("choose")}</option>
              {MANUAL_GRANT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`sources.${s}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-2">
            <Label htmlFor="grant-wording">{t("wordingLabel")}</Label>
            <Textarea id="grant-wording" name="wording" rows={3} defaultValue={defaultWording} />
          </div>
          <FieldError>{error}</FieldError>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              {t("save")}
            </Button>
            <Button type="button" size="sm" variant="outline" onClick={() => setOpen(false)}>
              {tCommon("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          {state !== "granted" ? (
            <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
              {t("record")}
            </Button>
          ) : null}
          {state !== "withdrawn" ? (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button size="sm" variant="outline" disabled={pending}>
                  {t("withdraw")}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>{t("withdrawTitle")}</AlertDialogTitle>
                  <AlertDialogDescription>{t("withdrawDescription")}</AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
                  <AlertDialogAction onClick={withdraw}>{t("withdraw")}</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          ) : null}
        </div>
      )}
    </div>
  );
}
