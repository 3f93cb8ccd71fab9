import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserDialog } from "./create-user-dialog";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser({ role: "owner" });
  const [list, { timeZone }] = await Promise.all([listUsers(), getRestaurantSettings(getDb())]);
  const users = list.map(({ lastSignInAt, createdAt: _createdAt, ...user }) => ({
    ...user,
    // Formatted on the server, in the restaurant's zone like every time in the app (the table is a client component).
    lastSignIn: lastSignInAt ? formatInZone(lastSignInAt, timeZone) : "Never",
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
