"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { OnFirstUse } from "@/components/ui/on-first-use";

export type UserMenuProps = { name: string; email: string; roleLabel: string };

const loadDropdown = () => import("./user-menu-dropdown").then((m) => ({ default: m.UserMenuDropdown }));

/** The header's account button: initials (and the name on wider screens); its menu loads at first use. */
export function UserMenuButton({ name, ...props }: { name: string } & ComponentProps<typeof Button>) {
  const t = useTranslations("Shell.userMenu");
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <Button
      variant="ghost"
      className="h-9 gap-2 px-2"
      aria-label={t("label", { name })}
      aria-haspopup="menu"
      {...props}
    >
      <span className="grid size-7 place-items-center rounded-full bg-primary/15 text-xs font-semibold text-primary">
        {initials || "?"}
      </span>
      <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{name}</span>
    </Button>
  );
}

export function UserMenu(props: UserMenuProps) {
  return <OnFirstUse load={loadDropdown} props={props} trigger={<UserMenuButton name={props.name} />} />;
}
