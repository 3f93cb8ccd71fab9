import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserDialog } from "./create-user-dialog";
import { UsersTable } from "./users-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = await requireUser({ role: "owner" });
  const [list, t, format] = await Promise.all([listUsers(), getTranslations("Settings.users"), getFormatter()]);
  const users = list.map(({ lastSignInAt, createdAt: _createdAt, ...user }) => ({
    ...user,
    // Formatted on the server, in the restaurant's zone like every time in the app (the table is a client component).
    lastSignIn: lastSignInAt ? format.dateTime(lastSignInAt, "moment") : t("never"),
  }));
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id="users-heading" className="text-lg font-semibold">
            {t("heading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("intro")}</p>
        </div>
        <CreateUserDialog />
      </div>
      <UsersTable users={users} currentUserId={me.id} />
    </section>
  );
}
