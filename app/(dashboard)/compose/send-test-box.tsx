"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { type TestRecipientOption, TestRecipientSelect } from "@/components/test-sends/test-recipient-select";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import type { MessageChoice } from "@/lib/campaigns/compose/plan-campaigns";
import { toast } from "@/lib/toast/toast";
import { composeTestAction } from "./actions";

type Props = MessageChoice & { recipients: TestRecipientOption[] };

/** "Send a test": the message as a guest named "Test" gets it, to the user's verified phone or a staff phone. */
export function SendTestBox(props: Props) {
  const id = useId();
  const t = useTranslations("Compose.test");
  const [picked, setPicked] = useState<string | null>(null);
  const recipient = picked ?? props.recipients[0]?.value ?? "";
  const { run, pending: testing } = useAction(composeTestAction, {
    // The provider's refusal is a result, not an error: the action itself worked.
    success: (sent) => (sent.ok ? t("sent", { to: sent.to, count: sent.segments }) : null),
    onSuccess: (sent) => {
      if (!sent.ok) toast.error(t("notSent", { message: sent.message }));
    },
  });

  const sendTest = () => {
    const { message, category, optOutFooter, footerLanguage, provider, sender, offer } = props;
    // With an offer, the test carries a code drawn like a guest's (never stored, so it redeems nothing).
    run({ recipient, message, category, optOutFooter, footerLanguage, provider, sender, offer });
  };

  return (
    <div
      className="flex flex-col gap-2 rounded-lg border border-dashed p-3 sm:flex-row sm:items-end"
      data-testid="send-test-box"
    >
      <div className="min-w-0 flex-1 space-y-1.5">
        <Label htmlFor={`${id}-test`}>{t("label")}</Label>
        <TestRecipientSelect id={`${id}-test`} value={recipient} onChange={setPicked} options={props.recipients} />
      </div>
      <Button
        type="button"
        variant="outline"
        onClick={sendTest}
        disabled={testing || !props.message.trim() || !recipient}
      >
        {testing ? t("sending") : t("submit")}
      </Button>
    </div>
  );
}
