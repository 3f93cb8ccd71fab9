"use client";

import { useTranslations } from "next-intl";
import { ShownOnceDialog } from "@/components/ui/shown-once-dialog";

/** Shows a generated password exactly once, with a copy button; it is never retrievable again. */
export function TemporaryPasswordDialog({
  value,
  onClose,
}: {
  value: { name: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useTranslations("Settings.users");
  return (
    <ShownOnceDialog
      secret={value?.password ?? null}
      title={t("temporary.title", { name: value?.name ?? "" })}
      description={t("temporary.description")}
      copyLabel={t("temporary.copy")}
      copied={t("toasts.copied")}
      testId="temporary-password"
      onClose={onClose}
    />
  );
}
