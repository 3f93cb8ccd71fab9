import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import type { StaffLocale } from "@/lib/i18n/locales";

/** The user's own dashboard language; null goes back to following the browser (then the restaurant's default). */
export async function setOwnLanguage(db: Database, userId: string, locale: StaffLocale | null) {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
  await recordAudit(db, {
    actorId: userId,
    action: "user.language_set",
    targetType: "user",
    targetId: userId,
    details: { locale },
  });
}
