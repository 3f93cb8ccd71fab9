import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { type Automation, offers } from "@/drizzle/schema";
import { pickText } from "@/lib/automations/automation-text";
import type { Database } from "@/lib/db";
import { guestLocaleOf } from "@/lib/i18n/locales";

/**
 * The `offers` row an automation's codes point at now. Versioned: while the offer (as the till reads it, in the
 * restaurant's language) and its validity stay the same, the latest row is reused; when either changes, a new
 * row is written, so a code already texted keeps the offer it was sent with. Null when no language has an offer.
 * Called inside the evaluation's transaction, under its per-kind advisory lock, so two evaluators can't both
 * write a new version.
 */
export async function currentAutomationOffer(
  tx: Database,
  automation: Automation,
  defaultLocale: string,
): Promise<{ id: string; validDays: number } | null> {
  const picked = pickText(automation.offer, guestLocaleOf(defaultLocale) ?? "en", defaultLocale);
  if (!picked) return null;
  const validDays = automation.offerValidDays;
  const [latest] = await tx
    .select({ id: offers.id, title: offers.title, validDays: offers.validDays })
    .from(offers)
    .where(eq(offers.automationKind, automation.kind))
    .orderBy(desc(offers.createdAt))
    .limit(1);
  if (latest && latest.title === picked.text && latest.validDays === validDays) return { id: latest.id, validDays };
  const [row] = await tx
    .insert(offers)
    .values({ title: picked.text, validDays, automationKind: automation.kind, createdById: automation.updatedBy })
    .returning({ id: offers.id });
  return { id: row!.id, validDays };
}

/** Every version of an automation's offer, newest first (tests, reports). */
export async function automationOfferVersions(db: Database, kind: Automation["kind"]) {
  return db
    .select()
    .from(offers)
    .where(and(eq(offers.automationKind, kind)))
    .orderBy(desc(offers.createdAt));
}
