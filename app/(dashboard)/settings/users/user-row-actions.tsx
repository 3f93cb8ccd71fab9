"use client";

import { KeyRound, MoreHorizontal, UserCheck, UserX } from "lucide-react";
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
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
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
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${user.name}`}>
          <MoreHorizontal className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel>Role</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={user.role}
          onValueChange={(role) => onChangeRole(user, role as UserTableRow["role"])}
        >
          {ROLES.map((role) => (
            <DropdownMenuRadioItem key={role} value={role} disabled={!user.active}>
              {ROLE_LABELS[role]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => onResetPassword(user)} disabled={!user.active}>
          <KeyRound className="size-4" aria-hidden /> Reset password
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={() => onToggleActive(user)}
          className={user.active ? "text-destructive focus:text-destructive" : undefined}
        >
          {user.active ? <UserX className="size-4" aria-hidden /> : <UserCheck className="size-4" aria-hidden />}
          {user.active ? "Deactivate" : "Reactivate"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
