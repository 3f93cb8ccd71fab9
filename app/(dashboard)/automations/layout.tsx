import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the automations' client components read (lib/i18n/client-namespaces.ts). */
export default function AutomationsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="automations">{children}</ClientMessages>;
}
