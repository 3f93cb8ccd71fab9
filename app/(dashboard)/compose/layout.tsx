import { ClientMessages } from "@/lib/i18n/client-messages";

export default function ComposeLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="compose">{children}</ClientMessages>;
}
