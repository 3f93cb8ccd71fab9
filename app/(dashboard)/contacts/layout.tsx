import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the guest book's client components read (lib/i18n/client-namespaces.ts). */
export default function ContactsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="contacts">{children}</ClientMessages>;
}
