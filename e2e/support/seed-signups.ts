import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type SignupStatus, signupScans, signupSources, signups, signupTextBudget } from "@/drizzle/schema";
import type { TestDb } from "./db";

// The sign-up page's records, for tests about what the dashboard and lists show of them (seed.ts spreads these
// into its helpers). The page and its flows write their own in their specs.

export type SeedSignup = {
  /** The source's id; null for the plain /join. */
  sourceId: string | null;
  status: SignupStatus;
  createdAt?: Date;
  /** The number's calling code ("+45" unless said). */
  callingCode?: string;
};

/** The sign-up seed helpers on one database (`on` runs a function with a connection to it). */
export function signupSeeds(on: <T>(fn: (db: TestDb) => Promise<T>) => Promise<T>) {
  return {
    /** A sign-up source (a table tent, a receipt), archived if asked; its slug is made unique. */
    signupSource: (name: string, options: { archived?: boolean } = {}) =>
      on(async (db) => {
        const [row] = await db
          .insert(signupSources)
          .values({
            name,
            slug: `e2e-${randomBytes(5).toString("hex")}`,
            archivedAt: options.archived ? sql`now()` : null,
          })
          .returning({ id: signupSources.id });
        return row!.id;
      }),

    /** Sign-ups as the page writes them (a number's hash, no number kept), in the given states. */
    signups: (rows: SeedSignup[]) =>
      on(async (db) => {
        if (rows.length === 0) return;
        await db.insert(signups).values(
          rows.map((r) => {
            const createdAt = r.createdAt ?? new Date();
            return {
              sourceId: r.sourceId,
              phoneHash: randomBytes(32).toString("hex"),
              callingCode: r.callingCode ?? "+45",
              language: "da" as const,
              wording: "Ja tak til sms-tilbud",
              status: r.status,
              clientKey: randomBytes(16).toString("hex"),
              createdAt,
              expiresAt: new Date(createdAt.getTime() + 48 * 3_600_000),
              confirmedAt: r.status === "confirmed" ? createdAt : null,
            };
          }),
        );
      }),

    /** Adds page views of a source's page (its id) or the plain /join ("direct") on a local day (YYYY-MM-DD). */
    signupScans: (sourceKey: string, day: string, scans: number) =>
      on((db) =>
        db
          .insert(signupScans)
          .values({ sourceKey, day, scans })
          .onConflictDoUpdate({
            target: [signupScans.sourceKey, signupScans.day],
            set: { scans: sql`${signupScans.scans} + ${scans}` },
          }),
      ),

    /** Confirmation texts sent and sign-ups refused a text in one UTC hour, overall ("all") or for a calling code. */
    signupTextBudget: (row: { hour: Date; scope: string; sent: number; refused: number }) =>
      on((db) =>
        db
          .insert(signupTextBudget)
          .values(row)
          .onConflictDoUpdate({
            target: [signupTextBudget.hour, signupTextBudget.scope],
            set: { sent: row.sent, refused: row.refused },
          }),
      ),

    /** Removes one hour's budget row of a scope (a test's own, afterwards). */
    removeSignupTextBudget: (hour: Date, scope: string) =>
      on((db) =>
        db.delete(signupTextBudget).where(and(eq(signupTextBudget.hour, hour), eq(signupTextBudget.scope, scope))),
      ),
  };
}
