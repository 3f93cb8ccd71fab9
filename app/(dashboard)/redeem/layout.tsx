import { ClientMessages } from "@/lib/i18n/client-messages";

export default function RedeemLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="redeem">{children}</ClientMessages>;
}
