import { TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import { PublicUrlWarning } from "@/components/public-url-warning";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toLocalizedError } from "@/lib/errors";
import { summarizeProvider } from "@/lib/providers/provider-summary";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { SENDER_RULES } from "@/lib/providers/sender-rules";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import { ProviderCard } from "./provider-card";
import { SandboxInbox } from "./sandbox-inbox";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  await requireUser({ role: "owner" });
  let providers: Awaited<ReturnType<typeof resolveProviders>>;
  const { timeZone } = await getRestaurantSettings(getDb());
  try {
    providers = await resolveProviders(getDb());
  } catch (err) {
    return (
      <Alert variant="destructive">
        <TriangleAlert />
        <AlertTitle>Saved provider settings can't be read</AlertTitle>
        <AlertDescription>{(await toLocalizedError(err)).message}</AlertDescription>
      </Alert>
    );
  }
  const summaries = PROVIDER_NAMES.map((p) => summarizeProvider(providers[p]));
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">SMS providers</h2>
        <p className="text-sm text-muted-foreground">
          CPSMS.dk sends to Danish numbers, smsapp.pk to Pakistani ones. Without credentials a provider runs in the
          sandbox: messages go to a built-in emulator and reach no real phone.
        </p>
      </div>
      <PublicUrlWarning className="" />
      <div className="grid gap-6 xl:grid-cols-2">
        {summaries.map((summary) => (
          <ProviderCard
            // Remount on a credentials change so the connection is checked again with the new ones.
            key={`${summary.provider}-${summary.source}-${summary.secretHint}`}
            summary={summary}
            senderRules={SENDER_RULES[summary.provider]}
          />
        ))}
      </div>
      {summaries.some((s) => s.mode === "sandbox") ? <SandboxInbox timeZone={timeZone} /> : null}
    </div>
  );
}
