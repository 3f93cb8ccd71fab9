"use client";

import { useState } from "react";
import { MessageEditor } from "@/components/compose/message-editor";
import type { SampleRecipient } from "@/components/compose/sample-recipient";
import { defaultOptOutFooter, type FooterLanguage } from "@/lib/messages/opt-out-footer";

// Placeholder until the recipients picker arrives: three guests that exercise a full name, a long name with a
// Pakistani number (priced as international by CPSMS) and a guest without a name (fallbacks).
const SAMPLE_RECIPIENTS: SampleRecipient[] = [
  { id: "sample-mette", firstName: "Mette", lastName: "Jensen", phone: "+4520123456", optOutUrl: "https://cdr.dk/s/m3tt3a" },
  { id: "sample-ahmed", firstName: "Ahmed", lastName: "Raza Khan", phone: "+923001234567", optOutUrl: "https://cdr.dk/s/ahm3d9" },
  { id: "sample-no-name", firstName: "", lastName: "", phone: "+4531234567", optOutUrl: "https://cdr.dk/s/n0nam3" },
];

/** The compose form's state. The campaign engine replaces the sample guests with the real audience. */
export function ComposeForm({ restaurantName }: { restaurantName: string }) {
  const category = "marketing";
  const [message, setMessage] = useState("");
  const [optOutFooter, setOptOutFooter] = useState(defaultOptOutFooter(category));
  const [footerLanguage, setFooterLanguage] = useState<FooterLanguage>("en");
  return (
    <div className="rounded-xl border bg-card p-4 text-card-foreground shadow-xs sm:p-6">
      <MessageEditor
        value={message}
        onChange={setMessage}
        sampleRecipients={SAMPLE_RECIPIENTS}
        provider="cpsms"
        category={category}
        optOutFooter={optOutFooter}
        onOptOutFooterChange={setOptOutFooter}
        footerLanguage={footerLanguage}
        onFooterLanguageChange={setFooterLanguage}
        restaurantName={restaurantName}
      />
    </div>
  );
}
