"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { listTestRecipientsAction } from "@/app/(dashboard)/settings/account/phone-actions";

export type TestRecipientOption = { value: string; label: string };

/**
 * The phones a test may go to (the user's verified phone, then the staff phones), loaded for the signed-in user.
 * Never a text field: the server refuses any other number anyway.
 */
export function useTestRecipients(): { options: TestRecipientOption[] | null; error: string | null } {
  const [options, setOptions] = useState<TestRecipientOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    listTestRecipientsAction({}).then((result) => {
      if (!live) return;
      if (result.ok) setOptions(result.data);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, []);
  return { options, error };
}

/** A select of the allowed test phones, or how to get one when there are none. */
export function TestRecipientSelect(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: TestRecipientOption[] | null;
  error: string | null;
}) {
  if (props.error) return <p className="text-sm text-destructive">{props.error}</p>;
  if (props.options === null) return <NativeSelect id={props.id} disabled aria-busy="true"><option>Loading phones…</option></NativeSelect>;
  if (props.options.length === 0) {
    return (
      <p id={props.id} className="text-sm text-muted-foreground">
        No test phone yet. Verify yours under{" "}
        <Link href="/settings/account" className="font-medium text-foreground underline underline-offset-4">
          Settings &gt; Account
        </Link>
        , or ask a manager to add one under Settings &gt; Test phones.
      </p>
    );
  }
  return (
    <NativeSelect id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </NativeSelect>
  );
}
