"use client";

import { KeyRound, LogOut } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useAction } from "@/lib/actions/use-action";
import { signOutAction } from "./actions";
import { UserMenuButton, type UserMenuProps } from "./user-menu";

/** The account menu itself, loaded at its first use (user-menu.tsx). */
export function UserMenuDropdown({ name, email, roleLabel, defaultOpen }: UserMenuProps & { defaultOpen?: boolean }) {
  const t = useTranslations("Shell.userMenu");
  const signOut = useAction(signOutAction);
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <UserMenuButton name={name} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="font-normal">
          <div className="truncate text-sm font-medium">{name}</div>
          <div className="truncate text-xs text-muted-foreground">{email}</div>
          <div className="mt-1 text-xs text-muted-foreground">{roleLabel}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/account">
            <KeyRound className="size-4" aria-hidden /> {t("changePassword")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut.run(undefined)}>
          <LogOut className="size-4" aria-hidden /> {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
