import "server-only";
import { sql } from "drizzle-orm";
import { consentEvents, contacts } from "@/drizzle/schema";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { isSuppressed } from "@/lib/consent/suppression";
import { forgetTagCache } from "@/lib/contacts/list-contacts";
import type { Database } from "@/lib/db";
import { normalizeTags } from "@/lib/validation/contacts";
import { answerForUsedKey, CLAIM_CONFLICT_SQL, type StoredKey } from "./idempotency";
import type { CONSENT_OUTCOMES, GuestInput } from "./schemas";
import type { ApiResponse } from "./types";

export const GUESTS_ROUTE = "POST /api/v1/guests";

type Outcome = (typeof CONSENT_OUTCOMES)[number];
type Row = {
  id: string;
  phone: string;
  first_name: string;
  last_name: string;
  language: string | null;
  consent_state: "granted" | "withdrawn" | "none";
  inserted: boolean;
};

/**
 * Creates the guest with this number or updates the fields the call gives (tags are added), in one transaction
 * with its idempotency key. Consent is granted only when the call states it, with the source and wording the
 * guest agreed to (ledger source "api"), and only to a guest without consent: a guest who withdrew or a
 * suppressed number is never granted by a machine (staff can record a fresh in-person grant).
 */
export async function upsertApiGuest(
  db: Database,
  call: { keyId: string; idempotencyKey: string | null; requestHash: string; phone: string; input: GuestInput },
): Promise<ApiResponse> {
  const { input, phone } = call;
  return db.transaction(async (tx) => {
    if (call.idempotencyKey !== null) {
      const claim = await tx.execute(sql`
        insert into api_idempotency (api_key_id, idempotency_key, route, request_hash)
        values (${call.keyId}, ${call.idempotencyKey}, ${GUESTS_ROUTE}, ${call.requestHash})
        ${sql.raw(CLAIM_CONFLICT_SQL)} returning 1`);
      if (claim.rows.length === 0) {
        const stored = await tx.execute<StoredKey>(
          sql`select request_hash, status, response from api_idempotency
            where api_key_id = ${call.keyId} and idempotency_key = ${call.idempotencyKey}`,
        );
        return answerForUsedKey(stored.rows[0], call.requestHash);
      }
    }
    const birthday = input.birthday ?? null;
    const tags = normalizeTags(input.tags ?? []);
    const written = await tx.execute<Row>(sql`
      insert into ${contacts} as c (phone, first_name, last_name, birthday_month, birthday_day, language, tags, opt_out_token)
      values (${phone}, ${input.firstName ?? ""}, ${input.lastName ?? ""}, ${birthday?.month ?? null}, ${birthday?.day ?? null},
        ${input.language ?? null}, ${sql.param(tags)}::text[], ${newOptOutToken()})
      on conflict (phone) do update set
        first_name = ${input.firstName !== undefined ? sql`excluded.first_name` : sql`c.first_name`},
        last_name = ${input.lastName !== undefined ? sql`excluded.last_name` : sql`c.last_name`},
        birthday_month = coalesce(excluded.birthday_month, c.birthday_month),
        birthday_day = coalesce(excluded.birthday_day, c.birthday_day),
        language = coalesce(excluded.language, c.language),
        tags = array(select distinct t from unnest(c.tags || excluded.tags) as t order by t),
        updated_at = now()
      returning c.id, c.phone, c.first_name, c.last_name, c.language, c.consent_state, (xmax = 0) as inserted`);
    const row = written.rows[0]!;
    let outcome: Outcome = "not-requested";
    let state = row.consent_state;
    if (input.consent) {
      if (state === "granted") outcome = "already-granted";
      else if (state === "withdrawn") outcome = "refused-withdrawn";
      else if (await isSuppressed(tx, phone)) outcome = "refused-suppressed";
      else {
        await tx.execute(sql`update ${contacts} set consent_state = 'granted', consent_changed_at = now()
          where id = ${row.id} and consent_state = 'none'`);
        await tx.insert(consentEvents).values({
          contactId: row.id,
          state: "granted",
          source: "api",
          wording: input.consent.wording,
          sourceName: input.consent.source,
          recordedById: null,
        });
        outcome = "granted";
        state = "granted";
      }
    }
    const answer: ApiResponse = {
      status: row.inserted ? 201 : 200,
      headers: { "content-type": "application/json" },
      body: {
        id: row.id,
        phone: row.phone,
        firstName: row.first_name,
        lastName: row.last_name,
        language: row.language,
        consent: { state, outcome },
        created: row.inserted,
      },
    };
    if (call.idempotencyKey !== null) {
      await tx.execute(sql`update api_idempotency set status = ${answer.status}, response = ${JSON.stringify(answer.body)}::jsonb
        where api_key_id = ${call.keyId} and idempotency_key = ${call.idempotencyKey}`);
    }
    if (tags.length) forgetTagCache();
    return answer;
  });
}
