import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ProviderSummary } from "@/lib/providers/provider-summary";
import { ConnectionStatus } from "./connection-status";
import { CredentialsForm } from "./credentials-form";
import { DefaultSenderForm } from "./default-sender-form";
import { TestSmsSection } from "./test-sms-section";

const COUNTRY: Record<ProviderSummary["provider"], string> = { cpsms: "Denmark (+45)", smsapp: "Pakistan (+92)" };
const ENV_VARIABLES: Record<ProviderSummary["provider"], string> = {
  cpsms: "CPSMS_USERNAME and CPSMS_API_KEY",
  smsapp: "SMSAPP_API_TOKEN",
};

function describeSource(summary: ProviderSummary) {
  if (summary.source === "environment") {
    return `Live, with credentials from the ${ENV_VARIABLES[summary.provider]} environment variables (they win over saved ones).`;
  }
  if (summary.source === "saved")
    return `Live, with the saved ${summary.provider === "cpsms" ? "API key" : "API token"} ${summary.secretHint ?? ""}.`;
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
          <span className="text-xs text-muted-foreground">{COUNTRY[summary.provider]}</span>
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
