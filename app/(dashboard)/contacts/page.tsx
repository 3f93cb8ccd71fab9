import { BookUser } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/coming-soon-page";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Contacts" };

export default async function Page() {
  await requireUser();
  return (
    <ComingSoonPage
      title="Contacts"
      description="Your guest book: phone numbers, names, birthdays and marketing consent."
      icon={<BookUser />}
      emptyTitle="No guests yet"
      emptyDescription="The guest book, with consent records, opt-outs and CSV import, is the next thing being built."
    />
  );
}
