"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
import { createGroupAction } from "./actions";

/** "New group" button and dialog. */
export function CreateGroupForm() {
  const t = useTranslations("Groups.create");
  const [open, setOpen] = useState(false);
  const {
    run,
    pending,
    error: failed,
    fieldError,
    reset,
  } = useAction(createGroupAction, {
    errors: "inline",
    success: (data) => t("created", { name: data.name }),
    onSuccess: () => setOpen(false),
  });
  const error = failed ? (fieldError("name") ?? failed.message) : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> {t("title")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form
          id="create-group"
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            run({ name: String(data.get("name") ?? ""), description: String(data.get("description") ?? "") });
          }}
        >
          <div className="space-y-2">
            <Label htmlFor="group-name">{t("name")}</Label>
            <Input id="group-name" name="name" autoComplete="off" aria-invalid={Boolean(error)} />
            <FieldError>{error}</FieldError>
          </div>
          <div className="space-y-2">
            <Label htmlFor="group-description">{t("descriptionLabel")}</Label>
            <Input id="group-description" name="description" autoComplete="off" />
          </div>
        </form>
        <DialogFooter>
          <Button type="submit" form="create-group" disabled={pending}>
            {t("submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
