"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { MESSAGE_TEMPLATES, type MessageTemplate } from "@/lib/messages/templates";
import { TemplateButton, type TemplateMenuProps } from "./template-menu";

const GROUPS = ["marketing", "transactional"] as const;

/** "happy-hour-da" → "happyHourDa", a built-in template's key in the catalogue. */
const builtInKey = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The template menu itself, loaded at its first use (template-menu.tsx). */
export function TemplateDropdown({
  onChoose,
  onCloseAutoFocus,
  saved = [],
  onDelete,
  defaultOpen,
}: TemplateMenuProps & { defaultOpen?: boolean }) {
  const t = useTranslations("Compose.templateMenu");
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <TemplateButton />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align="end"
        className="max-h-[min(32rem,var(--radix-dropdown-menu-content-available-height))] w-[min(22rem,calc(100vw-2rem))] overflow-y-auto"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {saved.length > 0 ? (
          <>
            <DropdownMenuLabel className="text-xs text-muted-foreground">{t("yours")}</DropdownMenuLabel>
            {saved.map((template) => (
              // Choosing and deleting are two sibling items (never a button inside an item), both reachable by keyboard.
              <div key={template.id} className="flex items-start gap-1" data-testid="saved-template">
                <TemplateItem
                  template={template}
                  name={template.name}
                  onChoose={onChoose}
                  detail={template.createdByName ? t("savedBy", { name: template.createdByName }) : undefined}
                />
                {template.deletable && onDelete ? (
                  <DropdownMenuItem
                    onSelect={() => onDelete(template)}
                    aria-label={t("delete", { name: template.name })}
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
          <Fragment key={group}>
            {i > 0 || saved.length > 0 ? <DropdownMenuSeparator /> : null}
            <DropdownMenuLabel className="text-xs text-muted-foreground">{t(`groups.${group}`)}</DropdownMenuLabel>
            {MESSAGE_TEMPLATES.filter((template) => template.category === group).map((template) => (
              <TemplateItem
                key={template.id}
                template={template}
                name={t(`builtIn.${builtInKey(template.id)}` as "builtIn.birthdayEn")}
                onChoose={onChoose}
              />
            ))}
          </Fragment>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function TemplateItem({
  template: t,
  name,
  onChoose,
  detail,
}: {
  template: MessageTemplate;
  /** The name shown: a saved template's own, a built-in one's in the page's language. */
  name: string;
  onChoose: (template: MessageTemplate) => void;
  detail?: string;
}) {
  const tMenu = useTranslations("Compose.templateMenu");
  return (
    <DropdownMenuItem onSelect={() => onChoose({ ...t, name })} className="min-w-0 flex-1 flex-col items-start gap-0.5">
      <span className="flex w-full items-center justify-between gap-2">
        <span className="min-w-0 font-medium break-words">{name}</span>
        <Badge variant="outline">
          <span aria-hidden>{t.language.toUpperCase()}</span>
          <span className="sr-only">{tMenu(`languages.${t.language}`)}</span>
        </Badge>
      </span>
      <span className="line-clamp-2 text-xs whitespace-normal text-muted-foreground">{t.body}</span>
      {detail ? <span className="text-xs text-muted-foreground">{detail}</span> : null}
    </DropdownMenuItem>
  );
}
