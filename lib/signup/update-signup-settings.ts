import "server-only";
import { signupSettings } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import type { SignupSettingsValues } from "./signup-settings";

/**
 * Saves Settings > Sign-up (the single row, created on first save), with an audit entry holding the wording as
 * saved: what guests were shown can be traced back to who wrote it.
 */
export async function saveSignupSettings(db: Database, values: SignupSettingsValues, actorId: string | null) {
  await db.transaction(async (tx) => {
    await tx
      .insert(signupSettings)
      .values({ id: 1, ...values, updatedBy: actorId })
      .onConflictDoUpdate({
        target: signupSettings.id,
        set: { ...values, updatedBy: actorId, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actorId,
      action: "settings.signup_saved",
      targetType: "settings",
      targetId: "signup",
      details: values,
    });
  });
}
