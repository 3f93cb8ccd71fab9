import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, getDb } from "@/lib/db";
import { readSetupFacts, type SetupFacts, setupSteps } from "./getting-started";

const NOTHING: SetupFacts = {
  restaurantSaved: false,
  providerLive: false,
  testSmsSent: false,
  guests: false,
  campaignSent: false,
  teamInvited: false,
};
const TABLES = ["restaurant_settings", "provider_settings", "audit_log", "contacts", "campaigns", "users"];
const ROLLBACK = new Error("rollback");

/**
 * Runs `fn` against a brand-new restaurant: empty copies of the tables the checklist reads, in a schema of their
 * own that the transaction's search_path puts first, all rolled back afterwards. The test database is shared
 * with other files, so its own tables are never empty.
 */
async function inEmptyRestaurant(fn: (db: Database) => Promise<void>) {
  const schema = `setup_${randomBytes(4).toString("hex")}`;
  await getDb()
    .transaction(async (tx) => {
      await tx.execute(sql.raw(`create schema ${schema}`));
      for (const t of TABLES)
        await tx.execute(
          sql.raw(
            `create table ${schema}.${t} (like public.${t} including defaults including generated including identity)`,
          ),
        );
      await tx.execute(sql.raw(`set local search_path = ${schema}`));
      await fn(tx as unknown as Database);
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
}

describe("getting started", () => {
  it("counts what a new restaurant has done, and is complete after all five steps", () => {
    const none = setupSteps(NOTHING);
    expect(none).toMatchObject({ done: 0, total: 5, complete: false });
    expect(none.steps.map((s) => s.key)).toEqual(["restaurant", "provider", "guests", "campaign", "team"]);

    const some = setupSteps({ ...NOTHING, restaurantSaved: true, testSmsSent: true });
    expect(some.done).toBe(2);
    expect(some.steps.filter((s) => s.done).map((s) => s.key)).toEqual(["restaurant", "provider"]);
    // A live provider is as good as having tried the sandbox.
    expect(setupSteps({ ...NOTHING, providerLive: true }).steps[1]!.done).toBe(true);

    const all = setupSteps({
      restaurantSaved: true,
      providerLive: false,
      testSmsSent: true,
      guests: true,
      campaignSent: true,
      teamInvited: true,
    });
    expect(all).toMatchObject({ done: 5, complete: true });
  });

  it("reads each step from the database as it happens", async () => {
    await inEmptyRestaurant(async (db) => {
      await db.execute(
        sql`insert into users (email, name, role, password_hash) values ('first@cafe.test', 'First', 'owner', 'x')`,
      );
      expect(await readSetupFacts(db)).toEqual(NOTHING);

      await db.execute(sql`insert into restaurant_settings (id, name) values (1, 'Café Rose')`);
      // A test the provider refused (or still under way) doesn't tick the step; one it accepted does.
      await db.execute(
        sql`insert into audit_log (action, target_type, target_id, details) values ('provider.test_sms', 'provider', 'cpsms', '{"ok": false}')`,
      );
      expect((await readSetupFacts(db)).testSmsSent).toBe(false);
      await db.execute(
        sql`insert into audit_log (action, target_type, target_id, details) values ('provider.test_sms', 'provider', 'cpsms', '{"ok": true}')`,
      );
      await db.execute(sql`insert into contacts (phone, opt_out_token) values ('+4520123456', 'tok')`);
      await db.execute(
        sql`insert into campaigns (name, provider, body, status) values ('Draft', 'cpsms', 'Hi', 'draft')`,
      );
      expect(await readSetupFacts(db)).toEqual({ ...NOTHING, restaurantSaved: true, testSmsSent: true, guests: true });

      // A draft is not a campaign sent; a scheduled one is on its way.
      await db.execute(
        sql`insert into campaigns (name, provider, body, status) values ('Friday', 'cpsms', 'Hi', 'scheduled')`,
      );
      await db.execute(
        sql`insert into users (email, name, role, password_hash) values ('waiter@cafe.test', 'Waiter', 'staff', 'x')`,
      );
      const facts = await readSetupFacts(db);
      expect(facts).toEqual({
        ...NOTHING,
        restaurantSaved: true,
        testSmsSent: true,
        guests: true,
        campaignSent: true,
        teamInvited: true,
      });
      expect(setupSteps(facts).complete).toBe(true);
    });
  });
});
