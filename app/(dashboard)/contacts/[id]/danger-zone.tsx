"use client";

import { useRouter } from "next/navigation";
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
  const router = useRouter();
  const [confirm, setConfirm] = useState<"delete" | "erase" | null>(null);
  // Both actions revalidate the contacts pages; the guest's own page is gone, so back to the list.
  const leave = () => router.push("/contacts");
  const erasing = useAction(eraseContactAction, {
    success: `${name} is erased. Their number stays suppressed.`,
    warning: (data) => data.note,
    onSuccess: leave,
  });
  const deleting = useAction(deleteContactsAction, {
    success: `${name} is deleted.`,
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
        <CardTitle>Delete or erase</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p className="text-muted-foreground">
          <strong>Delete</strong> removes the guest and their consent records. <strong>Erase</strong> is for a GDPR
          request: it also anonymises the messages sent to them and removes them from CPSMS groups, keeping only a
          one-way hash of the number so they are never texted again.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" disabled={pending} onClick={() => setConfirm("delete")}>
            Delete guest
          </Button>
          <Button variant="destructive" disabled={pending} onClick={() => setConfirm("erase")}>
            Erase (GDPR)
          </Button>
        </div>
      </CardContent>
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{confirm === "erase" ? `Erase ${name}?` : `Delete ${name}?`}</AlertDialogTitle>
            <AlertDialogDescription>
              {confirm === "erase"
                ? "Everything about this guest is removed and their past messages are anonymised. Their number stays on the suppression list. This cannot be undone."
                : "The guest, their consent records and group memberships are removed. This cannot be undone."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              className="bg-destructive text-destructive-foreground hover:bg-destructive/90"
              onClick={run}
            >
              {confirm === "erase" ? "Erase" : "Delete"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
