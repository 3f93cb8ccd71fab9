import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ProviderSummary } from "@/lib/providers/provider-summary";
import { providerInfo } from "@/lib/sms/providers";
import { adapterFor } from "@/lib/sms/registry";
import { ConnectionStatus } from "./connection-status";
import { CredentialsForm } from "./credentials-form";
import { DefaultSenderForm } from "./default-sender-form";
import { TestSmsSection } from "./test-sms-section";

/** "Denmark (+45)". */
function countryOf(summary: ProviderSummary) {
  const { country } = providerInfo(summary.provider);
  return `${country.name} (${country.prefix})`;
}

function describeSource(summary: ProviderSummary) {
  const { credentials } = providerInfo(summary.provider);
  if (summary.source === "environment") {
    return `Live, with credentials from the ${adapterFor(summary.provider).environmentVariables} environment variables (they win over saved ones).`;
  }
  if (summary.source === "saved") return `Live, with the saved ${credentials.secretName} ${summary.secretHint ?? ""}.`;
  return "Sandbox: no credentials yet, so messages go to the built-in emulator and reach no real phone.";
}

/** One provider: mode, connection and balance, credentials, default sender and a test send. */
export function ProviderCard({ summary, senderRules }: { summary: ProviderSummary; senderRules: string }) {
  const headingId = `provider-${summary.provider}`;
  return (
    <Card aria-labelledby={headingId} role="region" data-testid={`provider-${summary.provider}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={headingId} className="text-base">
            {summary.label}
          </CardTitle>
          <Badge variant={summary.mode === "live" ? "success" : "warning"}>
            {summary.mode === "live" ? "Live" : "Sandbox"}
          </Badge>
          <span className="text-xs text-muted-foreground">{countryOf(summary)}</span>
        </div>
        <CardDescription>{describeSource(summary)}</CardDescription>
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
