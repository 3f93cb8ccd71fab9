"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("Groups.controls");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const rename = useAction(renameGroupAction, {
    errors: "inline",
    success: (data) => t("renamed", { name: data.name }),
    warning: (data) => data.note,
  });
  const remove = useAction(deleteGroupAction, {
    success: t("deleted", { name }),
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
          <Label htmlFor="rename">{t("name")}</Label>
          <Input id="rename" name="name" defaultValue={name} autoComplete="off" />
        </div>
        <Button type="submit" variant="outline" disabled={pending}>
          {t("rename")}
        </Button>
      </form>
      <FieldError>{error}</FieldError>
      {canDelete ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" className="text-destructive" disabled={pending}>
              {t("delete")}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("deleteTitle", { name })}</AlertDialogTitle>
              <AlertDialogDescription>{t("deleteDescription")}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
              <AlertDialogAction
                className="bg-destructive text-destructive-foreground hover:bg-destructive/90"
                onClick={() => remove.run({ id })}
              >
                {tCommon("delete")}
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
  const t = useTranslations("Groups.controls");
  const link = useAction(
    linkGroupAction,
    cpsmsToasts(t("linked"), (data) => t("linkedRefused", { count: data.failed, error: data.firstError ?? "" })),
  );
  const fix = useAction(
    fixDriftAction,
    cpsmsToasts(t("fixed"), (data) => t("fixedRefused", { count: data.failed, error: data.firstError ?? "" })),
  );
  const unlink = useAction(unlinkGroupAction, { success: t("unlinked") });
  const pending = link.pending || fix.pending || unlink.pending;
  if (!linked) {
    return canLink ? (
      <Button disabled={pending} onClick={() => link.run({ id })}>
        {t("link")}
      </Button>
    ) : (
      <p className="text-xs text-muted-foreground">{t("managerCanLink")}</p>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {drifted ? (
        <Button disabled={pending} onClick={() => fix.run({ id })}>
          {t("fix")}
        </Button>
      ) : null}
      {canLink ? (
        <Button variant="outline" disabled={pending} onClick={() => unlink.run({ id })}>
          {t("unlink")}
        </Button>
      ) : null}
    </div>
  );
}

type Outcome = { failed: number; firstError: string | null };

/** The success toast, or instead a warning when CPSMS refused some of the changes. */
function cpsmsToasts(label: string, refused: (data: Outcome) => string) {
  return {
    success: (data: Outcome) => (data.failed ? null : label),
    warning: (data: Outcome) => (data.failed ? refused(data) : null),
  };
}
