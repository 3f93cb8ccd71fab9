import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { HistoryNav } from "./history-nav";

export default async function HistoryLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return (
    <>
      <PageHeader
        title="History"
        description="Every message sent, what became of it and what it cost; and what the providers themselves recorded."
      />
      <HistoryNav />
      {children}
    </>
  );
}
