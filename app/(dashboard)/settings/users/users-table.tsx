"use client";

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
import { ROLE_LABELS } from "@/lib/auth/roles";
import { changeUserRoleAction, resetUserPasswordAction, setUserActiveAction } from "./actions";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import { getUserColumns, type UserTableRow } from "./user-columns";

type Confirm = { kind: "deactivate" | "reset"; user: UserTableRow } | null;

/** Staff accounts; the owner changes roles, deactivates and resets passwords from each row's menu. */
export function UsersTable({ users, currentUserId }: { users: UserTableRow[]; currentUserId: string }) {
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? "";
  const changeRole = useAction(changeUserRoleAction, {
    success: (_data, { userId, role }) => `${nameOf(userId)} is now ${ROLE_LABELS[role].toLowerCase()}.`,
  });
  const setActive = useAction(setUserActiveAction, {
    success: (_data, { userId, active }) =>
      active ? `${nameOf(userId)} can sign in again.` : `${nameOf(userId)} is deactivated and signed out.`,
  });
  const resetPassword = useAction(resetUserPasswordAction, {
    onSuccess: (data, { userId }) => setIssued({ name: nameOf(userId), password: data.temporaryPassword }),
  });

  const columns = useMemo(
    () =>
      getUserColumns(currentUserId, {
        onChangeRole: (user, role) => changeRole.run({ userId: user.id, role }),
        onToggleActive: (user) => {
          if (user.active) setConfirm({ kind: "deactivate", user });
          else setActive.run({ userId: user.id, active: true });
        },
        onResetPassword: (user) => setConfirm({ kind: "reset", user }),
      }),
    [currentUserId, changeRole.run, setActive.run],
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
      <DataTable table={table} caption="Users" emptyMessage="No users yet." />
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm?.kind === "deactivate"
                ? `Deactivate ${confirm.user.name}?`
                : `Reset ${confirm?.user.name}'s password?`}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm?.kind === "deactivate"
                ? "They are signed out at once and can't sign in until you reactivate them. Their past work stays."
                : "Their current password stops working and they are signed out everywhere. You'll get a temporary password to give them."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={runConfirmed}>
              {confirm?.kind === "deactivate" ? "Deactivate" : "Reset password"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <TemporaryPasswordDialog value={issued} onClose={() => setIssued(null)} />
    </>
  );
}
