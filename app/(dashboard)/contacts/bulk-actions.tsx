"use client";

import { FolderMinus, FolderPlus, Trash2, UserX } from "lucide-react";
import { useState } from "react";
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
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { useAction } from "@/lib/actions/use-action";
import type { ContactFilter } from "@/lib/contacts/contact-table-params";
import { addToGroupAction, deleteContactsAction, removeFromGroupAction, withdrawConsentAction } from "./actions";

type Selection = { ids: string[] } | { filter: ContactFilter };
type Confirm = "delete" | "withdraw" | null;

const plural = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "guest" : "guests"}`;

/** The bar shown while guests are selected: add to or remove from a group, withdraw consent, delete. */
export function BulkActions({
  selection,
  count,
  groups,
  canDelete,
  onDone,
  extra,
}: {
  selection: Selection;
  count: number;
  groups: { id: string; name: string }[];
  canDelete: boolean;
  onDone: () => void;
  extra?: React.ReactNode;
}) {
  const [groupId, setGroupId] = useState("");
  const [confirm, setConfirm] = useState<Confirm>(null);
  const groupName = groups.find((g) => g.id === groupId)?.name ?? "";
  // Every bulk action ends the same way: its toast, CPSMS's note if a push to it failed, and a fresh selection.
  const after = {
    onSuccess: (data: { note?: string | null }) => {
      if (data.note) toast.warning(data.note);
      onDone();
    },
  };
  const add = useAction(addToGroupAction, { ...after, success: (d) => `${plural(d.added)} added to ${groupName}.` });
  const remove = useAction(removeFromGroupAction, {
    ...after,
    success: (d) => `${plural(d.removed)} removed from ${groupName}.`,
  });
  const withdraw = useAction(withdrawConsentAction, {
    ...after,
    success: (d) => `Consent withdrawn for ${plural(d.withdrawn)}.`,
  });
  const erase = useAction(deleteContactsAction, { ...after, success: (d) => `${plural(d.deleted)} deleted.` });
  const pending = add.pending || remove.pending || withdraw.pending || erase.pending;

  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-col gap-2 rounded-lg border bg-muted/40 p-3 sm:flex-row sm:flex-wrap sm:items-center"
    >
      <div className="flex items-center gap-2 text-sm">
        <strong data-testid="selected-count">{plural(count)} selected</strong>
        {extra}
      </div>
      <div className="flex flex-1 flex-wrap items-center gap-2 sm:justify-end">
        <NativeSelect
          aria-label="Group"
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          className="h-9 w-full sm:w-44"
        >
          <option value="">Choose a group…</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </NativeSelect>
        <Button
          size="sm"
          variant="outline"
          disabled={!groupId || pending}
          onClick={() => add.run({ groupId, selection })}
        >
          <FolderPlus aria-hidden /> Add to group
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={!groupId || pending}
          onClick={() => remove.run({ groupId, selection })}
        >
          <FolderMinus aria-hidden /> Remove from group
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => setConfirm("withdraw")}>
          <UserX aria-hidden /> Withdraw consent
        </Button>
        {canDelete ? (
          <Button size="sm" variant="destructive" disabled={pending} onClick={() => setConfirm("delete")}>
            <Trash2 aria-hidden /> Delete
          </Button>
        ) : null}
      </div>
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm === "delete" ? `Delete ${plural(count)}?` : `Withdraw consent for ${plural(count)}?`}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm === "delete"
                ? "They are removed from the guest book with their consent records and group memberships. This cannot be undone."
                : "They will not receive marketing texts from either provider again, and their numbers go on the suppression list. Only a new, explicit consent can undo this."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              className={
                confirm === "delete" ? "bg-destructive text-destructive-foreground hover:bg-destructive/90" : undefined
              }
              onClick={() => {
                const kind = confirm;
                setConfirm(null);
                if (kind === "delete") erase.run({ selection });
                else withdraw.run({ selection });
              }}
            >
              {confirm === "delete" ? "Delete" : "Withdraw consent"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}
