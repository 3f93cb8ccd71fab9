import "server-only";
import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import { fromMinorUnits } from "@/lib/format/currency";
import { CLAIM_CONFLICT_SQL, type StoredKey } from "./idempotency";
import { problem } from "./problem";
import type { VisitAnswer } from "./schemas";
import type { ApiResponse } from "./types";

export const VISITS_ROUTE = "POST /api/v1/visits";

/** A visit call's own fields, validated (its key not yet checked). */
export type VisitFields = {
  idempotencyKey: string | null;
  requestHash: string;
  phone: string | null;
  guestId: string | null;
  visitedAt: Date;
  partySize: number | null;
  spendMinor: number | null;
  currency: string | null;
  externalId: string | null;
};

/**
 * A visit call as submitted: the key's hash (checked in the batch's own statement) and either the validated
 * fields or the call's own 4xx, answered only if the key is good.
 */
export type VisitCall = { keyHash: string } & ({ visit: VisitFields } | { invalid: ApiResponse });

/**
 * Runs a batch's write, again (up to 4 times in all) after a deadlock or serialization failure with another
 * instance's batch, or a guest deleted while the batch ran (the foreign key): that guest's call then gets 404,
 * and the batch isn't failed for every call in it.
 */
export async function withBatchRetries<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt < 4 && ["40P01", "40001", "23503"].includes((err as { code?: string }).code ?? "")) continue;
      throw err;
    }
  }
}

/** The answer body of a visit. */
export function visitBody(v: {
  id: string;
  guestId: string;
  visitedAt: Date;
  partySize: number | null;
  spendMinor: number | null;
  currency: string | null;
  externalId: string | null;
  created: boolean;
}): VisitAnswer {
  return {
    id: v.id,
    guestId: v.guestId,
    visitedAt: v.visitedAt.toISOString(),
    partySize: v.partySize,
    spend:
      v.spendMinor !== null && v.currency
        ? { amount: fromMinorUnits(v.spendMinor, v.currency), amountMinor: v.spendMinor, currency: v.currency }
        : null,
    externalId: v.externalId,
    created: v.created,
  };
}

export const jsonAnswer = (status: number, body: unknown): ApiResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body,
});

/** The 404 for a call whose guest doesn't exist. */
export const guestNotFound = (v: Pick<VisitFields, "guestId" | "phone">) =>
  problem(
    "guest-not-found",
    v.guestId
      ? `No guest has the id ${v.guestId}.`
      : `No guest has the number ${v.phone}. Create the guest first with POST /api/v1/guests.`,
  );

/**
 * The columns both writes pass for their calls (as unnest() arrays): a visit id made here, and the answers a
 * claimed key keeps if its visit is created (the guest's id is filled in by the statement) or its guest is
 * missing, written with the claim so the usual batch needs no second write of its answers.
 */
export function visitColumns(visits: readonly VisitFields[]) {
  const visitIds = visits.map(() => randomUUID());
  const created = visits.map((v, i) => visitBody({ ...v, id: visitIds[i]!, guestId: "", created: true }));
  const col = <T>(f: (v: VisitFields) => T) => visits.map(f);
  return {
    created,
    values: [
      col((v) => v.idempotencyKey),
      col((v) => v.requestHash),
      col((v) => v.phone),
      col((v) => v.guestId),
      visitIds,
      col((v) => v.visitedAt.toISOString()),
      col((v) => v.partySize),
      col((v) => v.spendMinor),
      col((v) => v.currency),
      col((v) => v.externalId),
      created.map((body) => JSON.stringify(body)),
      col((v) => JSON.stringify(guestNotFound(v).body)),
    ],
  };
}

/** unnest() of visitColumns' arrays from placeholder $from on, with the names the statements use. */
export const visitColumnsInput = (from: number) => {
  const types = [
    "text",
    "text",
    "text",
    "uuid",
    "uuid",
    "timestamptz",
    "int",
    "bigint",
    "text",
    "text",
    "jsonb",
    "jsonb",
  ];
  const names =
    "idem, req_hash, phone, guest_id, visit_id, visited_at, party_size, spend_minor, currency, external_id, created_answer, missing_answer";
  return { arrays: types.map((t, i) => `$${from + i}::${t}[]`).join(", "), names };
};

/**
 * The write itself, as common table expressions over the calls that may go ahead (CTE `source`: visitColumns'
 * columns with `ord` and `key_id`): find each guest, claim the idempotency keys (in a fixed order, so two
 * instances' batches don't deadlock on each other's keys) with the answer the call will most likely get (201
 * with its guest's id filled in, or 404 when there is no such guest), and insert the visits of the calls that
 * may go ahead. A key another transaction holds makes this wait for it. `go`: the calls that went ahead (their
 * key claimed, or none sent), with their guest; `inserted`: the visits written (an external id already recorded
 * is not written again).
 */
export const visitWriteCtes = (source: string) => `
  guest as (
    select i.ord, g.id as contact_id from ${source} i
    left join lateral (
      select id from contacts where id = i.guest_id
      union all select id from contacts where phone = i.phone
      limit 1
    ) g on true
  ),
  claimed as (
    insert into api_idempotency (api_key_id, idempotency_key, route, request_hash, status, response)
    select i.key_id, i.idem, '${VISITS_ROUTE}', i.req_hash,
      case when g.contact_id is null then 404 else 201 end,
      case when g.contact_id is null then i.missing_answer
        else jsonb_set(i.created_answer, '{guestId}', to_jsonb(g.contact_id::text)) end
    from ${source} i join guest g on g.ord = i.ord
    where i.idem is not null order by i.key_id, i.idem
    ${CLAIM_CONFLICT_SQL}
    returning api_key_id, idempotency_key
  ),
  go as (
    select i.*, g.contact_id from ${source} i join guest g on g.ord = i.ord
    where i.idem is null or exists (select 1 from claimed k where k.api_key_id = i.key_id and k.idempotency_key = i.idem)
  ),
  inserted as (
    insert into visits (id, contact_id, visited_at, party_size, spend_minor, currency, source, external_id)
    select visit_id, contact_id, visited_at, party_size, spend_minor, currency, 'api', external_id
    from go where contact_id is not null order by external_id
    on conflict (source, external_id) where external_id is not null do nothing
    returning id
  )`;

/** The stored answers of keys used before (committed), by "<key id> <idempotency key>". */
export async function storedKeys(
  db: Pool | PoolClient,
  used: readonly { keyId: string; idempotencyKey: string }[],
): Promise<Map<string, StoredKey>> {
  const stored = new Map<string, StoredKey>();
  if (!used.length) return stored;
  const found = await db.query<StoredKey & { api_key_id: string; idempotency_key: string }>(
    `select api_key_id, idempotency_key, request_hash, status, response from api_idempotency
      where (api_key_id, idempotency_key) in (select * from unnest($1::uuid[], $2::text[]))`,
    [used.map((v) => v.keyId), used.map((v) => v.idempotencyKey)],
  );
  for (const r of found.rows) stored.set(`${r.api_key_id} ${r.idempotency_key}`, r);
  return stored;
}
