import SignedInLayout from "@/components/route-states/signed-in-layout";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function ComposeLayout({ children }: { children: React.ReactNode }) {
  return (
    <SignedInLayout>
      <ClientMessages area="compose">{children}</ClientMessages>
    </SignedInLayout>
  );
}
