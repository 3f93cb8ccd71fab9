"use client";

import { FolderMinus, FolderPlus, Trash2, UserX } from "lucide-react";
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
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ContactFilter } from "@/lib/contacts/contact-filter";
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
  const [pending, startTransition] = useTransition();

  function run<T extends { note?: string | null }>(
    action: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>,
    success: (data: T) => string,
  ) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(success(result.data));
      if (result.data.note) toast.warning(result.data.note);
      onDone();
    });
  }

  const groupName = groups.find((g) => g.id === groupId)?.name ?? "";

  return (
    <div
      role="region"
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
          onClick={() =>
            run(
              () => addToGroupAction({ groupId, selection }),
              (d) => `${plural(d.added)} added to ${groupName}.`,
            )
          }
        >
          <FolderPlus aria-hidden /> Add to group
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={!groupId || pending}
          onClick={() =>
            run(
              () => removeFromGroupAction({ groupId, selection }),
              (d) => `${plural(d.removed)} removed from ${groupName}.`,
            )
          }
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
                if (kind === "delete")
                  run(
                    () => deleteContactsAction({ selection }),
                    (d) => `${plural(d.deleted)} deleted.`,
                  );
                else
                  run(
                    () => withdrawConsentAction({ selection }),
                    (d) => `Consent withdrawn for ${plural(d.withdrawn)}.`,
                  );
              }}
            >
              {confirm === "delete" ? "Delete" : "Withdraw consent"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
