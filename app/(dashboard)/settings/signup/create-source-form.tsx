"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { SOURCE_NAME_MAX_CHARACTERS } from "@/lib/validation/signup";
import { createSourceAction } from "./actions";

/** Adds a source by name; its link is made from the name and shown in the list above. */
export function CreateSourceForm() {
  const t = useTranslations("Settings.signup.sources");
  const create = useAction(createSourceAction, {
    errors: "inline",
    success: (data) => t("created", { name: data.name }),
  });
  const error = create.fieldError("name") ?? (create.error && !create.error.fieldErrors ? create.error.message : null);

  return (
    <form
      noValidate
      aria-labelledby="add-source-heading"
      className="space-y-3 rounded-lg border border-dashed p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        create.run({ name: String(new FormData(form).get("name") ?? "") }).then((result) => {
          if (result.ok) form.reset();
        });
      }}
    >
      <h3 id="add-source-heading" className="text-sm font-medium">
        {t("addTitle")}
      </h3>
      <div className="space-y-2">
        <Label htmlFor="source-name">{t("name")}</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="source-name"
            name="name"
            placeholder={t("namePlaceholder")}
            maxLength={SOURCE_NAME_MAX_CHARACTERS}
            autoComplete="off"
            aria-invalid={Boolean(error)}
            aria-describedby="source-name-hint"
          />
          <Button type="submit" disabled={create.pending} className="sm:w-auto">
            <Plus aria-hidden /> {create.pending ? t("adding") : t("add")}
          </Button>
        </div>
        <p id="source-name-hint" className="text-xs text-muted-foreground">
          {t("nameHint")}
        </p>
        <FieldError>{error}</FieldError>
      </div>
    </form>
  );
}
