import { randomBytes } from "node:crypto";
import { E2E } from "./config";
import { withE2eDb } from "./db";

export type SeedGuest = {
  phone: string;
  firstName?: string;
  lastName?: string;
  consent?: "granted" | "withdrawn" | "none";
};
export type SeededGuest = { id: string; phone: string; token: string };

/**
 * Puts guests (upserted by phone) into a group of that name, straight into the e2e database: for tests about
 * sending rather than about the guest book's own pages.
 */
export async function seedGroup(
  groupName: string,
  guests: SeedGuest[],
): Promise<{ groupId: string; guests: SeededGuest[] }> {
  return withE2eDb(async (db) => {
    const group = await db.query(
      "insert into groups (name) values ($1) on conflict (lower(name)) do update set name = excluded.name returning id",
      [groupName],
    );
    const groupId = group.rows[0].id as string;
    const seeded: SeededGuest[] = [];
    for (const g of guests) {
      const { rows } = await db.query(
        `insert into contacts (phone, first_name, last_name, consent_state, opt_out_token) values ($1, $2, $3, $4, $5)
         on conflict (phone) do update set first_name = excluded.first_name, last_name = excluded.last_name, consent_state = excluded.consent_state
         returning id, phone, opt_out_token`,
        [g.phone, g.firstName ?? "", g.lastName ?? "", g.consent ?? "granted", randomBytes(5).toString("hex")],
      );
      const row = rows[0];
      await db.query("insert into group_members (group_id, contact_id) values ($1, $2) on conflict do nothing", [
        groupId,
        row.id,
      ]);
      seeded.push({ id: row.id, phone: row.phone, token: row.opt_out_token });
    }
    return { groupId, guests: seeded };
  });
}

/** The guest's opt-out link as the server prints it (PUBLIC_URL is unset in e2e, so the server's own address). */
export const optOutLink = (token: string) => `${E2E.baseURL}/o/${token}`;
