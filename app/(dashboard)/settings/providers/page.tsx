import { TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicUrlWarning } from "@/components/public-url-warning";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toLocalizedError } from "@/lib/errors";
import { summarizeProvider } from "@/lib/providers/provider-summary";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import { ProviderCard } from "./provider-card";
import { SandboxInbox } from "./sandbox-inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Providers");
  return { title: t("title") };
}

export default async function ProvidersPage() {
  await requireUser({ role: "owner" });
  let providers: Awaited<ReturnType<typeof resolveProviders>>;
  const t = await getTranslations("Providers");
  try {
    providers = await resolveProviders(getDb());
  } catch (err) {
    return (
      <Alert variant="destructive">
        <TriangleAlert />
        <AlertTitle>{t("unreadableTitle")}</AlertTitle>
        <AlertDescription>{(await toLocalizedError(err)).message}</AlertDescription>
      </Alert>
    );
  }
  const summaries = PROVIDER_NAMES.map((p) => summarizeProvider(providers[p]));
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">{t("heading")}</h2>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <PublicUrlWarning className="" />
      <div className="grid gap-6 xl:grid-cols-2">
        {summaries.map((summary) => (
          <ProviderCard
            // Remount on a credentials change so the connection is checked again with the new ones.
            key={`${summary.provider}-${summary.source}-${summary.secretHint}`}
            summary={summary}
            senderRules={t(`info.${summary.provider}.senderRules`)}
          />
        ))}
      </div>
      {summaries.some((s) => s.mode === "sandbox") ? <SandboxInbox /> : null}
    </div>
  );
}
