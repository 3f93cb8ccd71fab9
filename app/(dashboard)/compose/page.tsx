import { SquarePen } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/coming-soon-page";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Compose" };

export default async function Page() {
  await requireUser();
  return (
    <ComingSoonPage
      title="Compose"
      description="Write a message, pick who gets it, and send it now or later."
      icon={<SquarePen />}
      emptyTitle="Nothing to compose yet"
      emptyDescription="Message composing with live character, segment and cost counts arrives with the campaign engine. Add your guests first so you have someone to write to."
    />
  );
}
