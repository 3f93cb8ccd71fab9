"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { useDataTable } from "@/components/data-table/use-data-table";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { useAction } from "@/lib/actions/use-action";
import { changeUserRoleAction, resetUserPasswordAction, setUserActiveAction } from "./actions";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import { getUserColumns, type UserTableRow } from "./user-columns";

type Confirm = { kind: "deactivate" | "reset"; user: UserTableRow } | null;

/** Staff accounts; the owner changes roles, deactivates and resets passwords from each row's menu. */
export function UsersTable({ users, currentUserId }: { users: UserTableRow[]; currentUserId: string }) {
  const t = useTranslations("Settings.users");
  const tRoles = useTranslations("Auth.roles");
  const tCommon = useTranslations("Common");
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? "";
  const changeRole = useAction(changeUserRoleAction, {
    success: (_data, { userId, role }) =>
      t("toasts.roleChanged", { name: nameOf(userId), role: tRoles(role).toLowerCase() }),
  });
  const setActive = useAction(setUserActiveAction, {
    success: (_data, { userId, active }) =>
      active ? t("toasts.reactivated", { name: nameOf(userId) }) : t("toasts.deactivated", { name: nameOf(userId) }),
  });
  const resetPassword = useAction(resetUserPasswordAction, {
    onSuccess: (data, { userId }) => setIssued({ name: nameOf(userId), password: data.temporaryPassword }),
  });

  const columns = useMemo(
    () =>
      getUserColumns(
        currentUserId,
        {
          onChangeRole: (user, role) => changeRole.run({ userId: user.id, role }),
          onToggleActive: (user) => {
            if (user.active) setConfirm({ kind: "deactivate", user });
            else setActive.run({ userId: user.id, active: true });
          },
          onResetPassword: (user) => setConfirm({ kind: "reset", user }),
        },
        t,
        tRoles,
      ),
    [currentUserId, changeRole.run, setActive.run, t, tRoles],
  );
  const table = useDataTable({ data: users, columns, getRowId: (u) => u.id });

  function runConfirmed() {
    if (!confirm) return;
    const { kind, user } = confirm;
    setConfirm(null);
    if (kind === "deactivate") setActive.run({ userId: user.id, active: false });
    else resetPassword.run({ userId: user.id });
  }

  return (
    <>
      <DataTable table={table} caption={t("caption")} emptyMessage={t("empty")} />
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm?.kind === "deactivate"
                ? t("confirm.deactivateTitle", { name: confirm.user.name })
                : t("confirm.resetTitle", { name: confirm?.user.name ?? "" })}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm?.kind === "deactivate" ? t("confirm.deactivateDescription") : t("confirm.resetDescription")}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tCommon("cancel")}</AlertDialogCancel>
            <AlertDialogAction onClick={runConfirmed}>
              {confirm?.kind === "deactivate" ? t("confirm.deactivate") : t("confirm.reset")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <TemporaryPasswordDialog value={issued} onClose={() => setIssued(null)} />
    </>
  );
}
