import { PlugZap } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  await requireUser({ role: "owner" });
  return (
    <EmptyState
      icon={<PlugZap />}
      title="SMS providers are not connected yet"
      description="Connecting CPSMS.dk and smsapp.pk, checking balances and sending a test SMS arrive with the provider integration. Until then nothing is sent to real phones."
    />
  );
}
