"use client";
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
import { CONSENT_SOURCE_LABELS, MANUAL_GRANT_SOURCES } from "@/lib/validation/contacts";
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
  const [open, setOpen] = useState(false);
  const granting = useAction(grantConsentAction, {
    errors: "inline",
    success: "Consent recorded.",
    warning: (data) => data.note,
    onSuccess: () => setOpen(false),
  });
  const withdrawing = useAction(withdrawConsentAction, {
    success: "Consent withdrawn. The number is suppressed.",
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
          {state === "withdrawn" ? (
            <p className="text-sm text-warning">
              This guest withdrew before. Record consent only if they have clearly agreed again.
            </p>
          ) : null}
          <div className="space-y-2">
            <Label htmlFor="grant-source">How did they agree?</Label>
            <NativeSelect id="grant-source" name="source" defaultValue="">
              <option value="">Choose…</option>
              {MANUAL_GRANT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {CONSENT_SOURCE_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-2">
            <Label htmlFor="grant-wording">Exact wording they agreed to</Label>
            <Textarea id="grant-wording" name="wording" rows={3} defaultValue={defaultWording} />
          </div>
          <FieldError>{error}</FieldError>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              Save consent
            </Button>
            <Button type="button" size="sm" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          {state !== "granted" ? (
            <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
              Record consent
            </Button>
          ) : null}
          {state !== "withdrawn" ? (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button size="sm" variant="outline" disabled={pending}>
                  Withdraw consent
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>Withdraw this guest&apos;s consent?</AlertDialogTitle>
                  <AlertDialogDescription>
                    They will not receive marketing texts from either provider again, and the number goes on the
                    suppression list.
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <AlertDialogAction onClick={withdraw}>Withdraw consent</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          ) : null}
        </div>
      )}
    </div>
  );
}
