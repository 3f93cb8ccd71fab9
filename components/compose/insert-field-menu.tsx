"use client";

import { Braces } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { OnFirstUse } from "@/components/ui/on-first-use";

export type InsertFieldMenuProps = {
  onInsert: (snippet: string) => void;
  onCloseAutoFocus: (event: Event) => void;
};

const loadDropdown = () => import("./insert-field-dropdown").then((m) => ({ default: m.InsertFieldDropdown }));

export function InsertFieldButton(props: ComponentProps<typeof Button>) {
  const t = useTranslations("Compose.insertField");
  return (
    <Button type="button" variant="outline" size="sm" aria-haspopup="menu" {...props}>
      <Braces />
      {t("button")}
    </Button>
  );
}

/** "Insert field" menu built from the merge-field catalogue; the parent inserts the snippet at the caret. */
export function InsertFieldMenu(props: InsertFieldMenuProps) {
  return <OnFirstUse load={loadDropdown} props={props} trigger={<InsertFieldButton />} />;
}
