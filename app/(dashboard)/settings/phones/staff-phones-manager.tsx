"use client";

import { Smartphone, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { addStaffPhoneAction, removeStaffPhoneAction } from "./actions";

type Phone = { id: string; name: string; phone: string };

/** The list of test phones with a form to add one and a button to remove each. */
export function StaffPhonesManager({ phones }: { phones: Phone[] }) {
  const t = useTranslations("Settings.phones");
  const tCommon = useTranslations("Common");
  const adding = useAction(addStaffPhoneAction, {
    errors: "inline",
    success: (data) => t("added", { name: data.name }),
  });
  // The removed phone's name, for the toast (the list may already be re-rendered without it).
  const removedName = useRef("");
  const removing = useAction(removeStaffPhoneAction, { success: () => t("removed", { name: removedName.current }) });
  const pending = adding.pending || removing.pending;
  const failed = adding.error;
  const errors = {
    name: adding.fieldError("name"),
    phone: adding.fieldError("phone"),
    form: failed && !adding.fieldError("name") && !adding.fieldError("phone") ? failed.message : undefined,
  };

  function add(form: HTMLFormElement) {
    const data = new FormData(form);
    adding.run({ name: String(data.get("name") ?? ""), phone: String(data.get("phone") ?? "") }).then((result) => {
      if (result.ok) form.reset();
    });
  }

  function remove(phone: Phone) {
    removedName.current = phone.name;
    removing.run({ id: phone.id });
  }

  return (
    <div className="space-y-6">
      {phones.length === 0 ? (
        <EmptyState icon={<Smartphone />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-0">
          <CardContent className="p-0">
            <ul aria-label={t("list")} className="divide-y">
              {phones.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <p className="truncate font-medium">{p.name}</p>
                    <p className="text-sm text-muted-foreground">{p.phone}</p>
                  </div>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    onClick={() => remove(p)}
                    aria-label={t("remove", { name: p.name })}
                  >
                    <Trash2 aria-hidden />
                    <span className="hidden sm:inline">{tCommon("remove")}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      <form
        noValidate
        aria-label={t("addTitle")}
        className="space-y-3 rounded-lg border p-4"
        onSubmit={(e) => {
          e.preventDefault();
          add(e.currentTarget);
        }}
      >
        <h3 className="text-sm font-medium">{t("addTitle")}</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-2">
            <Label htmlFor="staff-phone-name">{t("name")}</Label>
            <Input
              id="staff-phone-name"
              name="name"
              placeholder={t("namePlaceholder")}
              autoComplete="off"
              aria-invalid={Boolean(errors.name)}
            />
            <FieldError>{errors.name}</FieldError>
          </div>
          <div className="space-y-2">
            <Label htmlFor="staff-phone-number">{t("number")}</Label>
            <Input
              id="staff-phone-number"
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="+45 20 12 34 56"
              aria-invalid={Boolean(errors.phone)}
            />
            <FieldError>{errors.phone}</FieldError>
          </div>
        </div>
        <FieldError>{errors.form}</FieldError>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </form>
    </div>
  );
}
