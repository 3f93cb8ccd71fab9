import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserDialog } from "./create-user-dialog";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function UsersPage() {
  const me = await requireUser({ role: "owner" });
  const users = (await listUsers()).map(({ lastSignInAt, createdAt: _createdAt, ...user }) => ({
    ...user,
    // Formatted on the server so the browser's clock and zone can't make the hydrated text differ.
    lastSignIn: lastSignInAt ? DATE_FORMAT.format(lastSignInAt) : "Never",
  }));
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id="users-heading" className="text-lg font-semibold">
            Users
          </h2>
          <p className="text-sm text-muted-foreground">
            Who can sign in, and what they may do. Deactivating someone signs them out at once.
          </p>
        </div>
        <CreateUserDialog />
      </div>
      <UsersTable users={users} currentUserId={me.id} />
    </section>
  );
}
