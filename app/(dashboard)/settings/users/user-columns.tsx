"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { useTranslations } from "next-intl";
import { actionsColumn, dateColumn, statusColumn } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
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
  t: ReturnType<typeof useTranslations<"Settings.users">>,
  tRoles: ReturnType<typeof useTranslations<"Auth.roles">>,
): ColumnDef<UserTableRow, unknown>[] {
  return [
    {
      id: "user",
      header: t("columns.user"),
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="font-medium">
            {row.original.name}
            {row.original.id === currentUserId ? (
              <span className="ml-2 text-xs text-muted-foreground">{t("columns.you")}</span>
            ) : null}
          </div>
          <div className="truncate text-xs text-muted-foreground">{row.original.email}</div>
        </div>
      ),
    },
    statusColumn<UserTableRow>("role", t("columns.role"), (user) => (
      <Badge variant={user.role === "owner" ? "default" : "secondary"}>{tRoles(user.role)}</Badge>
    )),
    statusColumn<UserTableRow>("status", t("columns.status"), (user) =>
      !user.active ? (
        <Badge variant="outline">{t("status.deactivated")}</Badge>
      ) : user.mustChangePassword ? (
        <Badge variant="warning">{t("status.temporaryPassword")}</Badge>
      ) : (
        <Badge variant="success">{t("status.active")}</Badge>
      ),
    ),
    dateColumn<UserTableRow>("lastSignIn", t("columns.lastSignIn"), {
      className: "hidden text-sm text-muted-foreground sm:table-cell",
    }),
    actionsColumn<UserTableRow>((user) =>
      user.id === currentUserId ? null : <UserRowActions user={user} {...handlers} />,
    ),
  ];
}
