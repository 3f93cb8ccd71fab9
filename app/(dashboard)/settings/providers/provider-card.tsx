import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ProviderSummary } from "@/lib/providers/provider-summary";
import { providerInfo } from "@/lib/sms/providers";
import { adapterFor } from "@/lib/sms/registry";
import { ConnectionStatus } from "./connection-status";
import { CredentialsForm } from "./credentials-form";
import { DefaultSenderForm } from "./default-sender-form";
import { TestSmsSection } from "./test-sms-section";

/** One provider: mode, connection and balance, credentials, default sender and a test send. */
export async function ProviderCard({ summary, senderRules }: { summary: ProviderSummary; senderRules: string }) {
  const headingId = `provider-${summary.provider}`;
  const t = await getTranslations("Providers");
  const { country } = providerInfo(summary.provider);
  const source =
    summary.source === "environment"
      ? t("card.sourceEnvironment", { variables: adapterFor(summary.provider).environmentVariables })
      : summary.source === "saved"
        ? t("card.sourceSaved", {
            secretName: t(`info.${summary.provider}.secretName`),
            hint: summary.secretHint ?? "",
          })
        : t("card.sourceSandbox");
  return (
    <Card aria-labelledby={headingId} role="region" data-testid={`provider-${summary.provider}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={headingId} className="text-base">
            {summary.label}
          </CardTitle>
          <Badge variant={summary.mode === "live" ? "success" : "warning"}>
            {summary.mode === "live" ? t("card.live") : t("card.sandbox")}
          </Badge>
          <span className="text-xs text-muted-foreground">
            {t("card.country", { country: t(`info.${summary.provider}.country`), prefix: country.prefix })}
          </span>
        </div>
        <CardDescription>{source}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <ConnectionStatus provider={summary.provider} />
        <CredentialsForm summary={summary} />
        <DefaultSenderForm provider={summary.provider} current={summary.defaultSender} rules={senderRules} />
        <TestSmsSection provider={summary.provider} label={summary.label} defaultSender={summary.defaultSender} />
      </CardContent>
    </Card>
  );
}
