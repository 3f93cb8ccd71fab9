import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { type Database, getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { getSignupSettings, type SignupSettingsValues } from "./signup-settings";
import { saveSignupSettings } from "./update-signup-settings";

const ROLLBACK = "rolled back on purpose";

describe("saving Settings > Sign-up", () => {
  // The settings are one shared row that other tests read: write inside a transaction that is rolled back.
  it("stores every value, reads them back and records who saved what", async () => {
    const manager = await insertUser({ role: "manager" });
    const values: SignupSettingsValues = {
      consentWording: { da: "Ja tak, send mig tilbud på sms.", ur: "جی ہاں" },
      expiryHours: 24,
      hourlyCap: 100,
      hourlyCapPerCountry: 10,
    };
    await getDb()
      .transaction(async (tx) => {
        const db = tx as unknown as Database;
        await saveSignupSettings(db, values, manager.id);
        expect(await getSignupSettings(db)).toEqual(values);
        await saveSignupSettings(db, { ...values, expiryHours: 12 }, manager.id);
        expect((await getSignupSettings(db)).expiryHours).toBe(12);
        const [audit] = await tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.actorId, manager.id), eq(auditLog.action, "settings.signup_saved")))
          .orderBy(desc(auditLog.id))
          .limit(1);
        expect(audit).toMatchObject({ targetId: "signup", details: { ...values, expiryHours: 12 } });
        throw new Error(ROLLBACK);
      })
      .catch((err: Error) => {
        if (err.message !== ROLLBACK) throw err;
      });
  });
});
