import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the campaigns' client components read (lib/i18n/client-namespaces.ts). */
export default function CampaignsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="campaigns">{children}</ClientMessages>;
}
