import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { listStaffPhones } from "@/lib/test-sends/staff-phones";
import { StaffPhonesManager } from "./staff-phones-manager";

export const metadata: Metadata = { title: "Test phones" };

export default async function TestPhonesPage() {
  await requireUser({ role: "manager" });
  const phones = await listStaffPhones(getDb());
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold">Test phones</h2>
        <p className="text-sm text-muted-foreground">
          Phones anyone on the team may send a test message to, besides their own verified phone: the restaurant&apos;s
          handsets or a colleague&apos;s mobile. Tests can&apos;t go to any other number.
        </p>
      </div>
      <StaffPhonesManager phones={phones.map((p) => ({ id: p.id, name: p.name, phone: formatPhone(p.phone) }))} />
    </div>
  );
}
