"use client";

import type { ColumnDef } from "@tanstack/react-table";
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
    {
      accessorKey: "role",
      header: "Role",
      cell: ({ row }) => (
        <Badge variant={row.original.role === "owner" ? "default" : "secondary"}>
          {ROLE_LABELS[row.original.role]}
        </Badge>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) =>
        !row.original.active ? (
          <Badge variant="outline">Deactivated</Badge>
        ) : row.original.mustChangePassword ? (
          <Badge variant="warning">Temporary password</Badge>
        ) : (
          <Badge variant="success">Active</Badge>
        ),
    },
    {
      accessorKey: "lastSignIn",
      header: "Last sign-in",
      meta: { className: "hidden sm:table-cell" },
      cell: ({ row }) => <span className="text-sm text-muted-foreground">{row.original.lastSignIn}</span>,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { className: "w-12 text-right" },
      cell: ({ row }) =>
        row.original.id === currentUserId ? null : <UserRowActions user={row.original} {...handlers} />,
    },
  ];
}
