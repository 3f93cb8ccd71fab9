import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { SettingsNav } from "./settings-nav";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const t = await getTranslations("Settings");
  const items = [
    { href: "/settings/account", label: t("nav.account") },
    ...(hasRole(user.role, "manager")
      ? [
          { href: "/settings/phones", label: t("nav.phones") },
          { href: "/settings/signup", label: t("nav.signup") },
        ]
      : []),
    ...(hasRole(user.role, "owner")
      ? [
          { href: "/settings/restaurant", label: t("nav.restaurant") },
          { href: "/settings/users", label: t("nav.users") },
          { href: "/settings/providers", label: t("nav.providers") },
          { href: "/settings/api-keys", label: t("nav.apiKeys") },
        ]
      : []),
  ];
  return (
    <ClientMessages area="settings">
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav items={items} label={t("nav.label")} />
      {children}
    </ClientMessages>
  );
}
