"use client";

import { useTranslations } from "next-intl";
import { ShownOnceDialog } from "@/components/ui/shown-once-dialog";

/** Shows a new API key's secret exactly once, with a copy button; only its hash is kept. */
export function NewKeyDialog({
  value,
  onClose,
}: {
  value: { name: string; secret: string } | null;
  onClose: () => void;
}) {
  const t = useTranslations("Settings.apiKeys");
  return (
    <ShownOnceDialog
      secret={value?.secret ?? null}
      title={t("shownOnce.title", { name: value?.name ?? "" })}
      description={t("shownOnce.description")}
      copyLabel={t("shownOnce.copy")}
      copied={t("shownOnce.copied")}
      testId="new-api-key"
      className="text-sm"
      onClose={onClose}
    />
  );
}
