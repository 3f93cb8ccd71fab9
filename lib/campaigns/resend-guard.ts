import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { contacts, suppressions } from "@/drizzle/schema";
import { hashPhone } from "@/lib/consent/phone-hash";
import type { Database } from "@/lib/db";

/**
 * Who may still be texted again, asked at the moment of a resend: for marketing, nobody on the suppression
 * list (by phone hash) and no guest who has withdrawn consent since the first send. Transactional messages
 * (a booking confirmation) are not marketing and go to everyone.
 */
export function resendAllowList(db: Database, category: "marketing" | "transactional") {
  return async (phones: string[]): Promise<Set<string>> => {
    if (category === "transactional" || phones.length === 0) return new Set(phones);
    const hashes = new Map(phones.map((p) => [hashPhone(p), p]));
    const blocked = new Set<string>();
    for (let i = 0; i < phones.length; i += 5000) {
      const chunk = phones.slice(i, i + 5000);
      const [suppressed, withdrawn] = await Promise.all([
        db
          .select({ hash: suppressions.phoneHash })
          .from(suppressions)
          .where(
            inArray(
              suppressions.phoneHash,
              chunk.map((p) => hashPhone(p)),
            ),
          ),
        db
          .select({ phone: contacts.phone })
          .from(contacts)
          .where(and(inArray(contacts.phone, chunk), eq(contacts.consentState, "withdrawn"))),
      ]);
      for (const s of suppressed) blocked.add(hashes.get(s.hash)!);
      for (const w of withdrawn) blocked.add(w.phone);
    }
    return new Set(phones.filter((p) => !blocked.has(p)));
  };
}
