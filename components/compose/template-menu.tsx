"use client";

import { FileText } from "lucide-react";
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

/** The restaurant starter templates, grouped by kind; choosing one replaces the message. */
export function TemplateMenu({ onChoose, onCloseAutoFocus }: { onChoose: (template: MessageTemplate) => void; onCloseAutoFocus: (event: Event) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <FileText />
          Templates
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(22rem,calc(100vw-2rem))]" onCloseAutoFocus={onCloseAutoFocus}>
        {GROUPS.map((group, i) => (
          <Fragment key={group.category}>
            {i > 0 ? <DropdownMenuSeparator /> : null}
            <DropdownMenuLabel className="text-xs text-muted-foreground">{group.label}</DropdownMenuLabel>
            {MESSAGE_TEMPLATES.filter((t) => t.category === group.category).map((t) => (
              <DropdownMenuItem key={t.id} onSelect={() => onChoose(t)} className="flex-col items-start gap-0.5">
                <span className="flex w-full items-center justify-between gap-2">
                  <span className="font-medium">{t.name}</span>
                  <Badge variant="outline">
                    <span aria-hidden>{t.language.toUpperCase()}</span>
                    <span className="sr-only">{t.language === "da" ? "Danish" : "English"}</span>
                  </Badge>
                </span>
                <span className="line-clamp-2 text-xs whitespace-normal text-muted-foreground">{t.body}</span>
              </DropdownMenuItem>
            ))}
          </Fragment>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
