import { PageHeader } from "@/components/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { SettingsNav } from "./settings-nav";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const items = [
    { href: "/settings/account", label: "Account" },
    ...(hasRole(user.role, "manager") ? [{ href: "/settings/phones", label: "Test phones" }] : []),
    ...(hasRole(user.role, "owner")
      ? [
          { href: "/settings/restaurant", label: "Restaurant" },
          { href: "/settings/users", label: "Users" },
          { href: "/settings/providers", label: "Providers" },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title="Settings" description="Your account and, for owners, the team and SMS providers." />
      <SettingsNav items={items} />
      {children}
    </>
  );
}
