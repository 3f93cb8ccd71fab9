"use client";

import { FolderMinus, FolderPlus, Trash2, UserX } from "lucide-react";
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
import { NativeSelect } from "@/components/ui/native-select";
import { useAction } from "@/lib/actions/use-action";
import type { ContactFilter } from "@/lib/contacts/contact-table-params";
import { toast } from "@/lib/toast/toast";
import { addToGroupAction, deleteContactsAction, removeFromGroupAction, withdrawConsentAction } from "./actions";

type Selection = { ids: string[] } | { filter: ContactFilter };
type Confirm = "delete" | "withdraw" | null;

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
  const t = useTranslations("Contacts.bulk");
  const tCommon = useTranslations("Common");
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
  const add = useAction(addToGroupAction, {
    ...after,
    success: (d) => t("added", { count: d.added, group: groupName }),
  });
  const remove = useAction(removeFromGroupAction, {
    ...after,
    success: (d) => t("removed", { count: d.removed, group: groupName }),
  });
  const withdraw = useAction(withdrawConsentAction, {
    ...after,
    success: (d) => t("withdrawn", { count: d.withdrawn }),
  });
  const erase = useAction(deleteContactsAction, { ...after, success: (d) => t("deleted", { count: d.deleted }) });
  const pending = add.pending || remove.pending || withdraw.pending || erase.pending;

  return (
    <section
      aria-label={t("label")}
      className="flex flex-col gap-2 rounded-lg border bg-muted/40 p-3 sm:flex-row sm:flex-wrap sm:items-center"
    >
      <div className="flex items-center gap-2 text-sm">
        <strong data-testid="selected-count">{t("selected", { count })}</strong>
        {extra}
      </div>
      <div className="flex flex-1 flex-wrap items-center gap-2 sm:justify-end">
        <NativeSelect
          aria-label={t("group")}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          className="h-9 w-full sm:w-44"
        >
          <option value="">{t("chooseGroup")}</option>
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
          <FolderPlus aria-hidden /> {t("addToGroup")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={!groupId || pending}
          onClick={() => remove.run({ groupId, selection })}
        >
          <FolderMinus aria-hidden /> {t("removeFromGroup")}
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => setConfirm("withdraw")}>
          <UserX aria-hidden /> {t("withdrawConsent")}
        </Button>
        {canDelete ? (
          <Button size="sm" variant="destructive" disabled={pending} onClick={() => setConfirm("delete")}>
            <Trash2 aria-hidden /> {t("delete")}
          </Button>
        ) : null}
      </div>
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm === "delete" ? t("deleteTitle", { count }) : t("withdrawTitle", { count })}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm === "delete" ? t("deleteDescription") : t("withdrawDescription")}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
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
              {confirm === "delete" ? t("delete") : t("withdrawConsent")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}
