import SignedInLayout from "@/components/route-states/signed-in-layout";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function HomeLayout({ children }: { children: React.ReactNode }) {
  return (
    <SignedInLayout>
      <ClientMessages area="home">{children}</ClientMessages>
    </SignedInLayout>
  );
}
