import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { AppShell } from "@/components/app-shell/app-shell";
import { HIDDEN_FOR_STAFF } from "@/components/app-shell/nav-items";
import { TestClockBanner } from "@/components/app-shell/test-clock-banner";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { providerModes } from "@/lib/providers/provider-modes";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/providers/provider-names";

// Every dashboard page reads the session and the database: never prerender at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // The password page must stay reachable while a temporary password is in use; pages enforce the rest.
  const user = await requireUser({ allowPendingPasswordChange: true });
  const modes = await providerModes(getDb());
  const t = await getTranslations("Auth");
  return (
    <AppShell
      user={{ name: user.name, email: user.email, roleLabel: t(`roles.${user.role}`) }}
      sandboxProviders={PROVIDERS.filter((p) => modes[p] === "sandbox").map((p) => PROVIDER_LABELS[p])}
      canConfigureProviders={hasRole(user.role, "owner")}
      hiddenNav={hasRole(user.role, "manager") ? [] : HIDDEN_FOR_STAFF}
      testClockBanner={<TestClockBanner db={getDb()} />}
    >
      {/* Tables keep their state in the URL through nuqs (components/data-table/use-table-url-state.ts). */}
      <NuqsAdapter>{children}</NuqsAdapter>
    </AppShell>
  );
}
