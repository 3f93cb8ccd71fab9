import "server-only";
import { eq } from "drizzle-orm";
import { signups } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { type GuestLocale, guestLocaleOf } from "@/lib/i18n/locales";
import { hashSignupToken, isSignupToken } from "./signup-token";

export type SignupLink =
  | { state: "pending" | "confirmed"; language: GuestLocale; firstName: string | null }
  | { state: "expired"; language: GuestLocale }
  | null;

/** What a confirmation link stands for, for its page (opening the link changes nothing); null when unknown. */
export async function findSignupLink(db: Database, token: string, now = new Date()): Promise<SignupLink> {
  if (!isSignupToken(token)) return null;
  const [row] = await db
    .select({
      status: signups.status,
      language: signups.language,
      firstName: signups.firstName,
      expiresAt: signups.expiresAt,
    })
    .from(signups)
    .where(eq(signups.tokenHash, hashSignupToken(token)))
    .limit(1);
  if (!row) return null;
  const language = guestLocaleOf(row.language) ?? "en";
  if (row.status === "confirmed") return { state: "confirmed", language, firstName: row.firstName };
  if (row.status !== "pending" || row.expiresAt <= now) return { state: "expired", language };
  return { state: "pending", language, firstName: row.firstName };
}
