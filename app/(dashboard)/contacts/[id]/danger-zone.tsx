"use client";

import { useRouter } from "next/navigation";
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
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useAction } from "@/lib/actions/use-action";
import { deleteContactsAction, eraseContactAction } from "../actions";

/** Managers only: delete the guest, or erase them for a GDPR request (keeps just the suppression hash). */
export function DangerZone({ contactId, name }: { contactId: string; name: string }) {
  const t = useTranslations("Contacts.danger");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const [confirm, setConfirm] = useState<"delete" | "erase" | null>(null);
  // Both actions revalidate the contacts pages; the guest's own page is gone, so back to the list.
  const leave = () => router.push("/contacts");
  const erasing = useAction(eraseContactAction, {
    success: t("erased", { name }),
    warning: (data) => data.note,
    onSuccess: leave,
  });
  const deleting = useAction(deleteContactsAction, {
    success: t("deleted", { name }),
    warning: (data) => data.note,
    onSuccess: leave,
  });
  const pending = erasing.pending || deleting.pending;

  function run() {
    const kind = confirm;
    setConfirm(null);
    if (kind === "erase") erasing.run({ id: contactId });
    else deleting.run({ selection: { ids: [contactId] } });
  }

  return (
    <Card className="mt-4 border-destructive/40">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p className="text-muted-foreground">
          {t.rich("explanation", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" disabled={pending} onClick={() => setConfirm("delete")}>
            {t("deleteGuest")}
          </Button>
          <Button variant="destructive" disabled={pending} onClick={() => setConfirm("erase")}>
            {t("eraseGuest")}
          </Button>
        </div>
      </CardContent>
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm === "erase" ? t("eraseTitle", { name }) : t("deleteTitle", { name })}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm === "erase" ? t("eraseDescription") : t("deleteDescription")}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              className="bg-destructive text-destructive-foreground hover:bg-destructive/90"
              onClick={run}
            >
              {confirm === "erase" ? t("erase") : tCommon("delete")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
