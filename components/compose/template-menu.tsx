"use client";

import { FileText, Trash2 } from "lucide-react";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { MESSAGE_TEMPLATES, type MessageTemplate } from "@/lib/messages/templates";

const GROUPS = [
  { category: "marketing", label: "Marketing" },
  { category: "transactional", label: "Service messages" },
] as const;

/** A template the restaurant's staff saved; `deletable` when this user may delete it (its author, or a manager). */
export type SavedTemplateChoice = MessageTemplate & { createdByName: string | null; deletable: boolean };

/**
 * The restaurant's own saved templates ("Your templates"), then the starter templates grouped by kind; choosing
 * one replaces the message.
 */
export function TemplateMenu({
  onChoose,
  onCloseAutoFocus,
  saved = [],
  onDelete,
}: {
  onChoose: (template: MessageTemplate) => void;
  onCloseAutoFocus: (event: Event) => void;
  saved?: readonly SavedTemplateChoice[];
  onDelete?: (template: SavedTemplateChoice) => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <FileText />
          Templates
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align="end"
        className="max-h-[min(32rem,var(--radix-dropdown-menu-content-available-height))] w-[min(22rem,calc(100vw-2rem))] overflow-y-auto"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {saved.length > 0 ? (
          <>
            <DropdownMenuLabel className="text-xs text-muted-foreground">Your templates</DropdownMenuLabel>
            {saved.map((t) => (
              // Choosing and deleting are two sibling items (never a button inside an item), both reachable by keyboard.
              <div key={t.id} className="flex items-start gap-1" data-testid="saved-template">
                <TemplateItem
                  template={t}
                  onChoose={onChoose}
                  detail={t.createdByName ? `Saved by ${t.createdByName}` : undefined}
                />
                {t.deletable && onDelete ? (
                  <DropdownMenuItem
                    onSelect={() => onDelete(t)}
                    aria-label={`Delete template ${t.name}`}
                    className="mt-1 shrink-0 text-muted-foreground"
                  >
                    <Trash2 />
                  </DropdownMenuItem>
                ) : null}
              </div>
            ))}
          </>
        ) : null}
        {GROUPS.map((group, i) => (
          <Fragment key={group.category}>
            {i > 0 || saved.length > 0 ? <DropdownMenuSeparator /> : null}
            <DropdownMenuLabel className="text-xs text-muted-foreground">{group.label}</DropdownMenuLabel>
            {MESSAGE_TEMPLATES.filter((t) => t.category === group.category).map((t) => (
              <TemplateItem key={t.id} template={t} onChoose={onChoose} />
            ))}
          </Fragment>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function TemplateItem({
  template: t,
  onChoose,
  detail,
}: {
  template: MessageTemplate;
  onChoose: (template: MessageTemplate) => void;
  detail?: string;
}) {
  return (
    <DropdownMenuItem onSelect={() => onChoose(t)} className="min-w-0 flex-1 flex-col items-start gap-0.5">
      <span className="flex w-full items-center justify-between gap-2">
        <span className="min-w-0 font-medium break-words">{t.name}</span>
        <Badge variant="outline">
          <span aria-hidden>{t.language.toUpperCase()}</span>
          <span className="sr-only">{t.language === "da" ? "Danish" : "English"}</span>
        </Badge>
      </span>
      <span className="line-clamp-2 text-xs whitespace-normal text-muted-foreground">{t.body}</span>
      {detail ? <span className="text-xs text-muted-foreground">{detail}</span> : null}
    </DropdownMenuItem>
  );
}
