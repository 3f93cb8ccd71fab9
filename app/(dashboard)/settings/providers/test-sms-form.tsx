"use client";

import { CircleCheck, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { MessageCounter } from "@/components/sms/message-counter";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { TestSmsResult } from "@/lib/providers/test-sms";
import type { ProviderName } from "@/lib/sms/types";
import { formatAmount } from "@/lib/format/amount";
import { MAX_MESSAGE_LENGTH } from "@/lib/validation/providers";
import { sendTestSmsAction } from "./actions";

type Field = "to" | "text" | "sender";

/** Sends one real message through this provider (or its sandbox) and shows exactly what the provider answered. */
export function TestSmsForm({ provider, label, defaultSender }: { provider: ProviderName; label: string; defaultSender: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState("This is a test message from our restaurant.");
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [result, setResult] = useState<TestSmsResult | null>(null);
  const id = (name: string) => `${provider}-test-${name}`;

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = { provider, to: String(data.get("to") ?? ""), text, sender: String(data.get("sender") ?? "") || undefined };
    startTransition(async () => {
      const answer = await sendTestSmsAction(input);
      if (!answer.ok) {
        const f = answer.error.fieldErrors ?? {};
        const fields = { to: f.to?.[0], text: f.text?.[0], sender: f.sender?.[0] };
        setErrors({ ...fields, form: Object.values(fields).some(Boolean) ? undefined : answer.error.message });
        setResult(null);
        return;
      }
      setErrors({});
      setResult(answer.data);
      router.refresh();
    });
  }

  return (
    <section aria-label={`Send a test SMS with ${label}`} className="space-y-3 border-t pt-4">
      <h3 className="text-sm font-medium">Send a test SMS</h3>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-2">
            <Label htmlFor={id("to")}>Phone number</Label>
            <Input
              id={id("to")}
              name="to"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder={provider === "cpsms" ? "+45 20 12 34 56" : "+92 300 1234567"}
              aria-invalid={Boolean(errors.to)}
              aria-describedby={errors.to ? id("to-error") : undefined}
            />
            <FieldError id={id("to-error")}>{errors.to}</FieldError>
          </div>
          <div className="space-y-2">
            <Label htmlFor={id("sender")}>Sender (optional)</Label>
            <Input
              id={id("sender")}
              name="sender"
              autoComplete="off"
              placeholder={defaultSender ?? "Account default"}
              aria-invalid={Boolean(errors.sender)}
              aria-describedby={errors.sender ? id("sender-error") : undefined}
            />
            <FieldError id={id("sender-error")}>{errors.sender}</FieldError>
          </div>
        </div>
        <div className="space-y-2">
          <Label htmlFor={id("text")}>Message</Label>
          <Textarea
            id={id("text")}
            name="text"
            value={text}
            rows={3}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={Boolean(errors.text)}
            aria-describedby={`${id("count")}${errors.text ? ` ${id("text-error")}` : ""}`}
          />
          <MessageCounter id={id("count")} text={text} max={MAX_MESSAGE_LENGTH} />
          <FieldError id={id("text-error")}>{errors.text}</FieldError>
        </div>
        <FieldError>{errors.form}</FieldError>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Sending..." : "Send test SMS"}
        </Button>
      </form>
      <div aria-live="polite">
        {result?.ok ? (
          <Alert variant="success" data-testid={`test-sms-result-${provider}`}>
            <CircleCheck />
            <AlertTitle>
              {label} accepted the message for {result.to}
            </AlertTitle>
            <AlertDescription>
              {result.segments} {result.segments === 1 ? "segment" : "segments"} ({result.encoding})
              {result.cost !== null ? `, cost ${formatAmount(result.cost, provider)}` : ""}
              {result.providerMessageId ? `, message id ${result.providerMessageId}` : ""}
              {result.mode === "sandbox" ? ". Sandbox: it is in the sandbox inbox below, not on a real phone." : "."}
            </AlertDescription>
          </Alert>
        ) : result ? (
          <Alert variant="destructive" data-testid={`test-sms-result-${provider}`}>
            <TriangleAlert />
            <AlertTitle>{label} did not accept the message</AlertTitle>
            <AlertDescription>{result.message}</AlertDescription>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
