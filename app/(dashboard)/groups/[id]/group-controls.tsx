"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
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
import { deleteGroupAction, fixDriftAction, linkGroupAction, renameGroupAction, unlinkGroupAction } from "../actions";

/** Rename and delete. */
export function GroupControls({ id, name, canDelete }: { id: string; name: string; canDelete: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3 border-t pt-3">
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const value = String(new FormData(e.currentTarget).get("name") ?? "");
          startTransition(async () => {
            const result = await renameGroupAction({ id, name: value });
            if (!result.ok) setError(result.error.fieldErrors?.name?.[0] ?? result.error.message);
            else {
              setError(null);
              toast.success(`Renamed to "${result.data.name}".`);
              if (result.data.note) toast.warning(result.data.note);
              router.refresh();
            }
          });
        }}
      >
        <div className="flex-1 space-y-1">
          <Label htmlFor="rename">Name</Label>
          <Input id="rename" name="name" defaultValue={name} autoComplete="off" />
        </div>
        <Button type="submit" variant="outline" disabled={pending}>
          Rename
        </Button>
      </form>
      <FieldError>{error}</FieldError>
      {canDelete ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" className="text-destructive" disabled={pending}>
              Delete group
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Delete &quot;{name}&quot;?</AlertDialogTitle>
              <AlertDialogDescription>
                The guests stay in the guest book. A linked CPSMS group is emptied and deleted too.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction
                className="bg-destructive text-destructive-foreground hover:bg-destructive/90"
                onClick={() =>
                  startTransition(async () => {
                    const result = await deleteGroupAction({ id });
                    if (!result.ok) toast.error(result.error.message);
                    else {
                      toast.success(`Group "${name}" deleted.`);
                      router.push("/groups");
                      router.refresh();
                    }
                  })
                }
              >
                Delete
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
    </div>
  );
}

/** Link to CPSMS, fix drift, unlink. */
export function LinkControls({
  id,
  linked,
  drifted,
  canLink,
}: {
  id: string;
  linked: boolean;
  drifted: boolean;
  canLink: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function run(
    label: string,
    action: () => Promise<
      | { ok: true; data: { failed?: number; firstError?: string | null } | { id: string } }
      | { ok: false; error: { message: string } }
    >,
  ) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      const data = result.data as { failed?: number; firstError?: string | null };
      if (data.failed) toast.warning(`${label}, but CPSMS refused ${data.failed} change(s): ${data.firstError ?? ""}`);
      else toast.success(label);
      router.refresh();
    });
  }
  if (!linked) {
    return canLink ? (
      <Button disabled={pending} onClick={() => run("Linked to CPSMS", () => linkGroupAction({ id }))}>
        Link to CPSMS
      </Button>
    ) : (
      <p className="text-xs text-muted-foreground">A manager or the owner can link this group to CPSMS.</p>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {drifted ? (
        <Button disabled={pending} onClick={() => run("CPSMS is in sync again", () => fixDriftAction({ id }))}>
          Fix
        </Button>
      ) : null}
      {canLink ? (
        <Button
          variant="outline"
          disabled={pending}
          onClick={() => run("Unlinked from CPSMS", () => unlinkGroupAction({ id }))}
        >
          Unlink
        </Button>
      ) : null}
    </div>
  );
}
