"use client";

import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
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
import { ROLE_LABELS } from "@/lib/auth/roles";
import { changeUserRoleAction, resetUserPasswordAction, setUserActiveAction } from "./actions";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import { getUserColumns, type UserTableRow } from "./user-columns";

type Confirm = { kind: "deactivate" | "reset"; user: UserTableRow } | null;

export function UsersTable({ users, currentUserId }: { users: UserTableRow[]; currentUserId: string }) {
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const [, startTransition] = useTransition();

  const columns = useMemo(
    () =>
      getUserColumns(currentUserId, {
        onChangeRole: (user, role) =>
          startTransition(async () => {
            const result = await changeUserRoleAction({ userId: user.id, role });
            if (result.ok) toast.success(`${user.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
            else toast.error(result.error.message);
          }),
        onToggleActive: (user) => {
          if (user.active) setConfirm({ kind: "deactivate", user });
          else
            startTransition(async () => {
              const result = await setUserActiveAction({ userId: user.id, active: true });
              if (result.ok) toast.success(`${user.name} can sign in again.`);
              else toast.error(result.error.message);
            });
        },
        onResetPassword: (user) => setConfirm({ kind: "reset", user }),
      }),
    [currentUserId],
  );

  function runConfirmed() {
    if (!confirm) return;
    const { kind, user } = confirm;
    setConfirm(null);
    startTransition(async () => {
      if (kind === "deactivate") {
        const result = await setUserActiveAction({ userId: user.id, active: false });
        if (result.ok) toast.success(`${user.name} is deactivated and signed out.`);
        else toast.error(result.error.message);
      } else {
        const result = await resetUserPasswordAction({ userId: user.id });
        if (result.ok) setIssued({ name: user.name, password: result.data.temporaryPassword });
        else toast.error(result.error.message);
      }
    });
  }

  return (
    <>
      <DataTable columns={columns} data={users} getRowId={(u) => u.id} caption="Users" emptyMessage="No users yet." />
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
