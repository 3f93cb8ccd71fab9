"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FooterLanguage } from "@/lib/messages/opt-out-footer";
import type { ProviderName } from "@/lib/sms/types";
import { composeTestAction } from "./actions";

/** "Send a test to your phone": the message as a guest named "Test" gets it, through the provider it would use. */
export function SendTestBox(props: { message: string; optOutFooter: boolean; footerLanguage: FooterLanguage; provider: ProviderName | "auto"; sender: string }) {
  const id = useId();
  const [testPhone, setTestPhone] = useState("");
  const [testing, startTest] = useTransition();

  const sendTest = () => {
    startTest(async () => {
      const { message, optOutFooter, footerLanguage, provider, sender } = props;
      const result = await composeTestAction({ to: testPhone, message, optOutFooter, footerLanguage, provider, sender });
      if (!result.ok) toast.error(result.error.message);
      else if (!result.data.ok) toast.error(`Test not sent: ${result.data.message}`);
      else toast.success(`Test sent to ${result.data.to} (${result.data.segments} segment${result.data.segments === 1 ? "" : "s"}).`);
    });
  };

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-dashed p-3 sm:flex-row sm:items-end">
      <div className="flex-1 space-y-1.5">
        <Label htmlFor={`${id}-test`}>Send a test to your phone</Label>
        <Input id={`${id}-test`} type="tel" value={testPhone} onChange={(e) => setTestPhone(e.target.value)} placeholder="20 12 34 56" />
      </div>
      <Button type="button" variant="outline" onClick={sendTest} disabled={testing || !props.message.trim() || !testPhone.trim()}>
        {testing ? "Sending…" : "Send test"}
      </Button>
    </div>
  );
}
