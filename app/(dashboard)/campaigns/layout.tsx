import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages the campaigns' client components read (lib/i18n/client-messages.tsx). */
export default function CampaignsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["Campaigns", "Compose.dateTime", "History"]}>{children}</ClientMessages>;
}
