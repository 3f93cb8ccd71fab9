"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { actionsColumn, dateColumn, statusColumn } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { type UserRowActionHandlers, UserRowActions } from "./user-row-actions";

export type UserTableRow = {
  id: string;
  name: string;
  email: string;
  role: "owner" | "manager" | "staff";
  active: boolean;
  mustChangePassword: boolean;
  lastSignIn: string;
};

/** Columns of the Users table; row actions are hidden on the signed-in owner's own row. */
export function getUserColumns(
  currentUserId: string,
  handlers: UserRowActionHandlers,
): ColumnDef<UserTableRow, unknown>[] {
  return [
    {
      id: "user",
      header: "User",
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="font-medium">
            {row.original.name}
            {row.original.id === currentUserId ? (
              <span className="ml-2 text-xs text-muted-foreground">(you)</span>
            ) : null}
          </div>
          <div className="truncate text-xs text-muted-foreground">{row.original.email}</div>
        </div>
      ),
    },
    statusColumn<UserTableRow>("role", "Role", (user) => (
      <Badge variant={user.role === "owner" ? "default" : "secondary"}>{ROLE_LABELS[user.role]}</Badge>
    )),
    statusColumn<UserTableRow>("status", "Status", (user) =>
      !user.active ? (
        <Badge variant="outline">Deactivated</Badge>
      ) : user.mustChangePassword ? (
        <Badge variant="warning">Temporary password</Badge>
      ) : (
        <Badge variant="success">Active</Badge>
      ),
    ),
    dateColumn<UserTableRow>("lastSignIn", "Last sign-in", {
      className: "hidden text-sm text-muted-foreground sm:table-cell",
    }),
    actionsColumn<UserTableRow>((user) =>
      user.id === currentUserId ? null : <UserRowActions user={user} {...handlers} />,
    ),
  ];
}
