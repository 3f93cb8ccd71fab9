import { Megaphone } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/coming-soon-page";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Campaigns" };

export default async function Page() {
  await requireUser();
  return (
    <ComingSoonPage
      title="Campaigns"
      description="Drafts, scheduled promos, sends in progress and finished campaigns."
      icon={<Megaphone />}
      emptyTitle="No campaigns yet"
      emptyDescription="When you send or schedule a message, it appears here with its progress and results."
    />
  );
}
