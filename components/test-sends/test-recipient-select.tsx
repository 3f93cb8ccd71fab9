"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/native-select";

/** `phone` (formatted) lets the user's own phone read "Your phone (…)" in the reader's language. */
export type TestRecipientOption = { value: string; label: string; phone?: string };

/**
 * A select of the phones a test may go to (the user's verified phone, then the staff phones), or how to get one
 * when there are none. Never a text field: the server refuses any other number anyway.
 */
export function TestRecipientSelect(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: TestRecipientOption[];
}) {
  const t = useTranslations("Providers");
  if (props.options.length === 0) {
    return (
      <p id={props.id} className="text-sm text-muted-foreground">
        {t.rich("noRecipients", {
          link: (chunks) => (
            <Link href="/settings/account" className="font-medium text-foreground underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <NativeSelect id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.value === "own" && o.phone ? t("ownPhone", { phone: o.phone }) : o.label}
        </option>
      ))}
    </NativeSelect>
  );
}
