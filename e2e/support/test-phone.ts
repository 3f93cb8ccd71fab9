import { withE2eDb } from "./db";

/**
 * Gives a user a verified phone for test sends directly in the database (the code flow itself is tested in
 * test-sends.spec), and moves their earlier test sends out of the hourly limit's window: the shared e2e owner
 * sends tests in several specs, and the e2e database outlives a run.
 */
export async function giveVerifiedPhone(email: string, e164: string): Promise<void> {
  await withE2eDb(async (db) => {
    await db.query("update users set phone = $1, phone_verified_at = now() where email = $2", [e164, email]);
    await db.query(
      "update audit_log set created_at = created_at - interval '1 hour' where action = 'provider.test_sms' and actor_id = (select id from users where email = $1)",
      [email],
    );
  });
}
