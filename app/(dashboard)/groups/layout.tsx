import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the groups' client components read (lib/i18n/client-namespaces.ts). */
export default function GroupsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="groups">{children}</ClientMessages>;
}
