import { requireUser } from "@/lib/auth/session";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import type { ProviderName } from "@/lib/sms/types";
import { listTestRecipients } from "@/lib/test-sends/recipients";
import { TestSmsForm } from "./test-sms-form";

/** The connection test with the phones this owner may send it to, read on the server with the page. */
export async function TestSmsSection(props: { provider: ProviderName; label: string; defaultSender: string | null }) {
  const user = await requireUser({ role: "owner" });
  const recipients = await listTestRecipients(getDb(), user.id);
  return (
    <TestSmsForm
      {...props}
      recipients={recipients.map(({ value, label, phone }) => ({ value, label, phone: formatPhone(phone) }))}
    />
  );
}
