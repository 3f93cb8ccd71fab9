import { AppShell } from "@/components/app-shell/app-shell";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

// Every dashboard page reads the session and the database: never prerender at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // The password page must stay reachable while a temporary password is in use; pages enforce the rest.
  const user = await requireUser({ allowPendingPasswordChange: true });
  return <AppShell user={{ name: user.name, email: user.email, roleLabel: ROLE_LABELS[user.role] }}>{children}</AppShell>;
}
