import { History } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/coming-soon-page";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "History" };

export default async function Page() {
  await requireUser();
  return (
    <ComingSoonPage
      title="History"
      description="Every message sent, with its delivery status and cost."
      icon={<History />}
      emptyTitle="No messages sent yet"
      emptyDescription="Once messages go out, you can follow each guest's delivery status here."
    />
  );
}
