import { ClientMessages } from "@/lib/i18n/client-messages";

export default function HomeLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="home">{children}</ClientMessages>;
}
