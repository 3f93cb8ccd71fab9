"use client";

import { BookmarkPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import type { FooterLanguage, MessageCategory } from "@/lib/messages/opt-out-footer";
import type { SavedTemplateItem } from "@/lib/messages/saved-templates";
import { TEMPLATE_NAME_MAX } from "@/lib/validation/limits";
import { saveTemplateAction } from "./actions";

/** "Save as template": names the current message and keeps it beside the built-in templates for everyone. */
export function SaveTemplateDialog({
  body,
  category,
  language,
  suggestedName,
  onSaved,
}: {
  body: string;
  category: MessageCategory;
  language: FooterLanguage;
  suggestedName: string;
  onSaved: (templates: SavedTemplateItem[]) => void;
}) {
  const id = useId();
  const t = useTranslations("Compose.saveTemplate");
  const tCommon = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const { run, pending, error, reset } = useAction(saveTemplateAction, {
    errors: "inline",
    success: (data) => t("saved", { name: data.saved.name }),
    onSuccess: (data) => {
      onSaved(data.templates);
      setOpen(false);
    },
  });

  const save = () => {
    reset();
    run({ name, body, category, language });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setName(suggestedName.slice(0, TEMPLATE_NAME_MAX));
          reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" disabled={!body.trim()}>
          <BookmarkPlus />
          {t("title")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            // The dialog is portalled outside compose's form, but React events still bubble to it: stop here.
            e.preventDefault();
            e.stopPropagation();
            save();
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description", { category, language })}</DialogDescription>
          </DialogHeader>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-name`}>{t("nameLabel")}</Label>
            <Input
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={TEMPLATE_NAME_MAX}
              placeholder={t("namePlaceholder")}
              autoFocus
            />
            <p className="text-xs text-muted-foreground">
              {t("characters", { count: name.trim().length, max: TEMPLATE_NAME_MAX })}
            </p>
          </div>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error.message}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tCommon("cancel")}
            </Button>
            <Button type="submit" disabled={pending || !name.trim()}>
              {pending ? t("saving") : t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
