"use client";

import { useTranslations } from "next-intl";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { MERGE_FIELDS, mergeFieldSnippet } from "@/lib/messages/merge-field-catalogue";
import { InsertFieldButton, type InsertFieldMenuProps } from "./insert-field-menu";

/** The "Insert field" menu itself, loaded at its first use (insert-field-menu.tsx). */
export function InsertFieldDropdown({
  onInsert,
  onCloseAutoFocus,
  defaultOpen,
}: InsertFieldMenuProps & { defaultOpen?: boolean }) {
  const t = useTranslations("Compose.insertField");
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <InsertFieldButton />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(20rem,calc(100vw-2rem))]" onCloseAutoFocus={onCloseAutoFocus}>
        <DropdownMenuLabel className="text-xs text-muted-foreground">{t("heading")}</DropdownMenuLabel>
        {MERGE_FIELDS.map((field) => {
          const snippet = mergeFieldSnippet(field);
          return (
            <DropdownMenuItem
              key={field.name}
              onSelect={() => onInsert(snippet)}
              className="flex-col items-start gap-0.5"
            >
              <span className="flex w-full items-baseline justify-between gap-2">
                <span className="font-medium">{t(`fields.${field.name}.label`)}</span>
                <code className="truncate text-xs text-muted-foreground">{snippet}</code>
              </span>
              <span className="text-xs whitespace-normal text-muted-foreground">
                {t(`fields.${field.name}.description`)}
              </span>
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
