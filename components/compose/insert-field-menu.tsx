"use client";

import { Braces } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { MERGE_FIELDS, mergeFieldSnippet } from "@/lib/messages/merge-field-catalogue";

/** "Insert field" menu built from the merge-field catalogue; the parent inserts the snippet at the caret. */
export function InsertFieldMenu({
  onInsert,
  onCloseAutoFocus,
}: {
  onInsert: (snippet: string) => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const t = useTranslations("Compose.insertField");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <Braces />
          {t("button")}
        </Button>
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
