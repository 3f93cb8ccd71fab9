"use client";

import { Archive, Pencil } from "lucide-react";
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
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { SOURCE_NAME_MAX_CHARACTERS } from "@/lib/validation/signup";
import { archiveSourceAction, renameSourceAction } from "./actions";

/** Rename (the link stays as printed) and archive (it leaves the list; the link keeps working) for one source. */
export function SourceActions({ id, name }: { id: string; name: string }) {
  const t = useTranslations("Settings.signup.sources");
  const tCommon = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const rename = useAction(renameSourceAction, {
    errors: "inline",
    success: (data) => t("renamed", { name: data.name }),
    onSuccess: () => setOpen(false),
  });
  const archive = useAction(archiveSourceAction, { success: t("archived", { name }) });
  const nameError =
    rename.fieldError("name") ?? (rename.error && !rename.error.fieldErrors ? rename.error.message : null);

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) rename.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button type="button" variant="ghost" size="sm" aria-label={t("renameLabel", { name })}>
            <Pencil aria-hidden /> {t("rename")}
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("renameTitle", { name })}</DialogTitle>
            <DialogDescription>{t("renameDescription")}</DialogDescription>
          </DialogHeader>
          <form
            id={`rename-${id}`}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              rename.run({ id, name: String(new FormData(e.currentTarget).get("name") ?? "") });
            }}
            className="space-y-2"
          >
            <Label htmlFor={`rename-${id}-name`}>{t("name")}</Label>
            <Input
              id={`rename-${id}-name`}
              name="name"
              defaultValue={name}
              maxLength={SOURCE_NAME_MAX_CHARACTERS}
              autoComplete="off"
              aria-invalid={Boolean(nameError)}
            />
            <FieldError>{nameError}</FieldError>
          </form>
          <DialogFooter>
            <Button type="submit" form={`rename-${id}`} disabled={rename.pending}>
              {rename.pending ? tCommon("saving") : tCommon("save")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button type="button" variant="ghost" size="sm" aria-label={t("archiveLabel", { name })}>
            <Archive aria-hidden /> {t("archive")}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("archiveTitle", { name })}</AlertDialogTitle>
            <AlertDialogDescription>{t("archiveDescription")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
            <AlertDialogAction onClick={() => archive.run({ id })} disabled={archive.pending}>
              {t("archive")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
