"use client";

import { KeyRound, MoreHorizontal, UserCheck, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ROLES } from "@/lib/auth/roles";
import type { UserTableRow } from "./user-columns";

export type UserRowActionHandlers = {
  onChangeRole: (user: UserTableRow, role: UserTableRow["role"]) => void;
  onToggleActive: (user: UserTableRow) => void;
  onResetPassword: (user: UserTableRow) => void;
};

export function UserRowActions({
  user,
  onChangeRole,
  onToggleActive,
  onResetPassword,
}: { user: UserTableRow } & UserRowActionHandlers) {
  const t = useTranslations("Settings.users.actions");
  const tRoles = useTranslations("Auth.roles");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("label", { name: user.name })}>
          <MoreHorizontal className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel>{t("role")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={user.role}
          onValueChange={(role) => onChangeRole(user, role as UserTableRow["role"])}
        >
          {ROLES.map((role) => (
            <DropdownMenuRadioItem key={role} value={role} disabled={!user.active}>
              {tRoles(role)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => onResetPassword(user)} disabled={!user.active}>
          <KeyRound className="size-4" aria-hidden /> {t("resetPassword")}
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={() => onToggleActive(user)}
          className={user.active ? "text-destructive focus:text-destructive" : undefined}
        >
          {user.active ? <UserX className="size-4" aria-hidden /> : <UserCheck className="size-4" aria-hidden />}
          {user.active ? t("deactivate") : t("reactivate")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
