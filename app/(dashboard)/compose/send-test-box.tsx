"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { type TestRecipientOption, TestRecipientSelect } from "@/components/test-sends/test-recipient-select";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { MessageChoice } from "@/lib/campaigns/compose/plan-campaigns";
import { composeTestAction } from "./actions";

type Props = MessageChoice & { recipients: TestRecipientOption[] };

/** "Send a test": the message as a guest named "Test" gets it, to the user's verified phone or a staff phone. */
export function SendTestBox(props: Props) {
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const [testing, startTest] = useTransition();
  const recipient = picked ?? props.recipients[0]?.value ?? "";

  const sendTest = () => {
    startTest(async () => {
      const { message, category, optOutFooter, footerLanguage, provider, sender } = props;
      const result = await composeTestAction({
        recipient,
        message,
        category,
        optOutFooter,
        footerLanguage,
        provider,
        sender,
      });
      if (!result.ok) toast.error(result.error.message);
      else if (!result.data.ok) toast.error(`Test not sent: ${result.data.message}`);
      else
        toast.success(
          `Test sent to ${result.data.to} (${result.data.segments} segment${result.data.segments === 1 ? "" : "s"}).`,
        );
    });
  };

  return (
    <div
      className="flex flex-col gap-2 rounded-lg border border-dashed p-3 sm:flex-row sm:items-end"
      data-testid="send-test-box"
    >
      <div className="min-w-0 flex-1 space-y-1.5">
        <Label htmlFor={`${id}-test`}>Send a test to</Label>
        <TestRecipientSelect id={`${id}-test`} value={recipient} onChange={setPicked} options={props.recipients} />
      </div>
      <Button
        type="button"
        variant="outline"
        onClick={sendTest}
        disabled={testing || !props.message.trim() || !recipient}
      >
        {testing ? "Sending…" : "Send test"}
      </Button>
    </div>
  );
}
