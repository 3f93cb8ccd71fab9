"use client";

import { CircleCheck, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { type TestRecipientOption, TestRecipientSelect } from "@/components/test-sends/test-recipient-select";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { amountText } from "@/lib/i18n/amount";
import type { TestSmsResult } from "@/lib/providers/test-sms";
import type { ProviderName } from "@/lib/sms/types";
import { sendTestSmsAction } from "./actions";

/**
 * Sends one fixed connection-test message through this provider (or its sandbox), from the default sender, to
 * an allowed test phone, and shows exactly what the provider answered.
 */
export function TestSmsForm(props: {
  provider: ProviderName;
  label: string;
  defaultSender: string | null;
  recipients: TestRecipientOption[];
}) {
  const { provider, label, defaultSender, recipients } = props;
  const t = useTranslations("Providers.testSms");
  const tUnits = useTranslations("Units");
  const format = useFormatter();
  const [picked, setPicked] = useState<string | null>(null);
  const [result, setResult] = useState<TestSmsResult | null>(null);
  // The outcome shows in place (and the sandbox inbox below refreshes: the action revalidates the page).
  const send = useAction(sendTestSmsAction, {
    errors: "inline",
    onSuccess: setResult,
    onError: () => setResult(null),
  });
  const { pending } = send;
  const error = send.error?.message ?? null;
  const recipient = picked ?? recipients[0]?.value ?? "";
  const selectId = `${provider}-test-to`;

  function submit() {
    send.run({ provider, recipient });
  }

  return (
    <section aria-label={t("label", { provider: label })} className="space-y-3 border-t pt-4">
      <h3 className="text-sm font-medium">{t("heading")}</h3>
      <p className="text-sm text-muted-foreground">
        {defaultSender
          ? t("introDefault", { provider: label, sender: defaultSender })
          : t("introAccount", { provider: label })}
      </p>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="space-y-2">
          <Label htmlFor={selectId}>{t("sendTo")}</Label>
          <TestRecipientSelect id={selectId} value={recipient} onChange={setPicked} options={recipients} />
        </div>
        <FieldError>{error}</FieldError>
        <Button type="submit" size="sm" disabled={pending || !recipient}>
          {pending ? t("sending") : t("send")}
        </Button>
      </form>
      <div aria-live="polite">
        {result?.ok ? (
          <Alert variant="success" data-testid={`test-sms-result-${provider}`}>
            <CircleCheck />
            <AlertTitle>{t("acceptedTitle", { provider: label, to: result.to })}</AlertTitle>
            <AlertDescription>
              {t("segments", { count: result.segments, encoding: result.encoding })}
              {result.cost !== null ? t("cost", { cost: amountText(tUnits, format, result.cost, provider) }) : ""}
              {result.providerMessageId ? t("messageId", { id: result.providerMessageId }) : ""}
              {result.mode === "sandbox" ? t("sandboxEnd") : t("end")}
            </AlertDescription>
          </Alert>
        ) : result ? (
          <Alert variant="destructive" data-testid={`test-sms-result-${provider}`}>
            <TriangleAlert />
            <AlertTitle>{t("refusedTitle", { provider: label })}</AlertTitle>
            <AlertDescription>{result.message}</AlertDescription>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
