import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/coming-soon-page";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Groups" };

export default async function Page() {
  await requireUser();
  return (
    <ComingSoonPage
      title="Groups"
      description="Lists of guests to send to, such as regulars, birthdays this month or VIPs."
      icon={<UsersRound />}
      emptyTitle="No groups yet"
      emptyDescription="Groups let you send to the right guests at once. They arrive with the guest book."
    />
  );
}
