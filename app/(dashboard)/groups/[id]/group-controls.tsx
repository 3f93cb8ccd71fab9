"use client";

import { useRouter } from "next/navigation";
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
import { deleteGroupAction, fixDriftAction, linkGroupAction, renameGroupAction, unlinkGroupAction } from "../actions";

/** Rename and delete. */
export function GroupControls({ id, name, canDelete }: { id: string; name: string; canDelete: boolean }) {
  const router = useRouter();
  const rename = useAction(renameGroupAction, {
    errors: "inline",
    success: (data) => `Renamed to "${data.name}".`,
    warning: (data) => data.note,
  });
  const remove = useAction(deleteGroupAction, {
    success: `Group "${name}" deleted.`,
    onSuccess: () => router.push("/groups"),
  });
  const pending = rename.pending || remove.pending;
  const error = rename.error ? (rename.fieldError("name") ?? rename.error.message) : null;
  return (
    <div className="space-y-3 border-t pt-3">
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          rename.run({ id, name: String(new FormData(e.currentTarget).get("name") ?? "") });
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
                onClick={() => remove.run({ id })}
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
  const link = useAction(linkGroupAction, cpsmsToasts("Linked to CPSMS"));
  const fix = useAction(fixDriftAction, cpsmsToasts("CPSMS is in sync again"));
  const unlink = useAction(unlinkGroupAction, { success: "Unlinked from CPSMS" });
  const pending = link.pending || fix.pending || unlink.pending;
  if (!linked) {
    return canLink ? (
      <Button disabled={pending} onClick={() => link.run({ id })}>
        Link to CPSMS
      </Button>
    ) : (
      <p className="text-xs text-muted-foreground">A manager or the owner can link this group to CPSMS.</p>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {drifted ? (
        <Button disabled={pending} onClick={() => fix.run({ id })}>
          Fix
        </Button>
      ) : null}
      {canLink ? (
        <Button variant="outline" disabled={pending} onClick={() => unlink.run({ id })}>
          Unlink
        </Button>
      ) : null}
    </div>
  );
}

/** The success toast, or instead a warning when CPSMS refused some of the changes. */
function cpsmsToasts(label: string) {
  type Outcome = { failed: number; firstError: string | null };
  return {
    success: (data: Outcome) => (data.failed ? null : label),
    warning: (data: Outcome) =>
      data.failed ? `${label}, but CPSMS refused ${data.failed} change(s): ${data.firstError ?? ""}` : null,
  };
}
