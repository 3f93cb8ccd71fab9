"use client";

import { FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { OnFirstUse } from "@/components/ui/on-first-use";
import type { MessageTemplate } from "@/lib/messages/templates";

/** A template the restaurant's staff saved; `deletable` when this user may delete it (its author, or a manager). */
export type SavedTemplateChoice = MessageTemplate & { createdByName: string | null; deletable: boolean };

export type TemplateMenuProps = {
  onChoose: (template: MessageTemplate) => void;
  onCloseAutoFocus: (event: Event) => void;
  saved?: readonly SavedTemplateChoice[];
  onDelete?: (template: SavedTemplateChoice) => void;
};

const loadDropdown = () => import("./template-dropdown").then((m) => ({ default: m.TemplateDropdown }));

export function TemplateButton(props: ComponentProps<typeof Button>) {
  const t = useTranslations("Compose.templateMenu");
  return (
    <Button type="button" variant="outline" size="sm" aria-haspopup="menu" {...props}>
      <FileText />
      {t("button")}
    </Button>
  );
}

/**
 * The restaurant's own saved templates ("Your templates"), then the starter templates grouped by kind; choosing
 * one replaces the message. The menu loads at first use.
 */
export function TemplateMenu(props: TemplateMenuProps) {
  return <OnFirstUse load={loadDropdown} props={props} trigger={<TemplateButton />} />;
}
