import "server-only";
import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import { groupCommit } from "@/lib/campaigns/group-commit";
import { fromMinorUnits } from "@/lib/format/currency";
import { checkKeys, keyVerdict } from "./authenticate";
import { answerForUsedKey, CLAIM_CONFLICT_SQL, type StoredKey } from "./idempotency";
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

/** One validated visit call, its key found good, ready to write. */
type PendingVisit = VisitFields & { keyId: string };

/**
 * A visit call as submitted: the key's hash (checked in the batch's transaction) and either the validated
 * fields or the call's own 4xx, answered only if the key is good.
 */
export type VisitCall = { keyHash: string } & ({ visit: VisitFields } | { invalid: ApiResponse });

// Step 1 of a batch, one statement: find each guest, claim the idempotency keys (in a fixed order, so two
// instances' batches don't deadlock on each other's keys) with the answer the call will most likely get (201
// with its guest's id filled in, or 404 when there is no such guest), and insert the visits of the calls that
// may go ahead. A key another transaction holds makes this wait for it; afterwards its stored answer is read
// (step 2). Only a visit whose external id was already recorded needs its stored answer corrected (step 4).
const CLAIM_AND_INSERT_SQL = `
  with input as (
    select * from unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
      $8::timestamptz[], $9::int[], $10::bigint[], $11::text[], $12::text[], $13::jsonb[], $14::jsonb[])
      as u(ord, key_id, idem, req_hash, phone, guest_id, visit_id, visited_at, party_size, spend_minor, currency,
        external_id, created_answer, missing_answer)
  ),
  guest as (
    select i.ord, g.id as contact_id from input i
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
    from input i join guest g on g.ord = i.ord
    where i.idem is not null order by i.key_id, i.idem
    ${CLAIM_CONFLICT_SQL}
    returning api_key_id, idempotency_key
  ),
  go as (
    select i.*, g.contact_id from input i join guest g on g.ord = i.ord
    where i.idem is null or exists (select 1 from claimed k where k.api_key_id = i.key_id and k.idempotency_key = i.idem)
  ),
  inserted as (
    insert into visits (id, contact_id, visited_at, party_size, spend_minor, currency, source, external_id)
    select visit_id, contact_id, visited_at, party_size, spend_minor, currency, 'api', external_id
    from go where contact_id is not null order by external_id
    on conflict (source, external_id) where external_id is not null do nothing
    returning id
  )
  select i.ord, (g.ord is not null) as proceed, g.contact_id, (n.id is not null) as inserted
  from input i left join go g on g.ord = i.ord left join inserted n on n.id = i.visit_id`;

type Step1 = { ord: number; proceed: boolean; contact_id: string | null; inserted: boolean };
type Existing = {
  id: string;
  contact_id: string;
  visited_at: Date;
  party_size: number | null;
  spend_minor: string | null;
  currency: string | null;
  external_id: string;
};

function visitBody(v: {
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

const json = (status: number, body: unknown): ApiResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body,
});

const notFound = (v: PendingVisit) =>
  problem(
    "guest-not-found",
    v.guestId
      ? `No guest has the id ${v.guestId}.`
      : `No guest has the number ${v.phone}. Create the guest first with POST /api/v1/guests.`,
  );

async function writeBatch(client: PoolClient, batch: PendingVisit[]): Promise<ApiResponse[]> {
  const visitIds = batch.map(() => randomUUID());
  const col = <T>(f: (v: PendingVisit, i: number) => T) => batch.map(f);
  // What a claimed key keeps if its visit is created (the guest's id is filled in by the statement) or its
  // guest is missing: written with the claim, so the usual batch needs no second write of its answers.
  const created = col((v, i) => visitBody({ ...v, id: visitIds[i]!, guestId: "", created: true }));
  const { rows } = await client.query<Step1>({
    name: "api_visits_batch_v2",
    text: CLAIM_AND_INSERT_SQL,
    values: [
      col((_, i) => i),
      col((v) => v.keyId),
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
      col((v) => JSON.stringify(notFound(v).body)),
    ],
  });
  const step = new Map(rows.map((r) => [r.ord, r]));
  // Step 2: the stored answers of keys used before.
  const used = batch.filter((_, i) => !step.get(i)?.proceed);
  const stored = new Map<string, StoredKey>();
  if (used.length) {
    const found = await client.query<StoredKey & { api_key_id: string; idempotency_key: string }>(
      `select api_key_id, idempotency_key, request_hash, status, response from api_idempotency
        where (api_key_id, idempotency_key) in (select * from unnest($1::uuid[], $2::text[]))`,
      [used.map((v) => v.keyId), used.map((v) => v.idempotencyKey)],
    );
    for (const r of found.rows) stored.set(`${r.api_key_id} ${r.idempotency_key}`, r);
  }
  // Step 3: visits whose external id was already there (a retry without an idempotency key, or another system).
  const clashes = batch
    .map((v, i) => ({ v, s: step.get(i)! }))
    .filter(({ v, s }) => s.proceed && s.contact_id && !s.inserted && v.externalId !== null)
    .map(({ v }) => v.externalId!);
  const existing = new Map<string, Existing>();
  if (clashes.length) {
    const found = await client.query<Existing>(
      `select id, contact_id, visited_at, party_size, spend_minor, currency, external_id from visits
        where source = 'api' and external_id = any($1::text[])`,
      [clashes],
    );
    for (const r of found.rows) existing.set(r.external_id, r);
  }
  const answers = batch.map((v, i): ApiResponse => {
    const s = step.get(i)!;
    if (!s.proceed) return answerForUsedKey(stored.get(`${v.keyId} ${v.idempotencyKey}`), v.requestHash);
    if (!s.contact_id) return notFound(v);
    if (s.inserted) return json(201, { ...created[i]!, guestId: s.contact_id });
    const e = existing.get(v.externalId!)!;
    if (e.contact_id !== s.contact_id)
      return problem("visit-exists-for-other-guest", `The visit ${v.externalId} is recorded for another guest.`);
    return json(
      200,
      visitBody({
        id: e.id,
        guestId: e.contact_id,
        visitedAt: e.visited_at,
        partySize: e.party_size,
        spendMinor: e.spend_minor === null ? null : Number(e.spend_minor),
        currency: e.currency,
        externalId: e.external_id,
        created: false,
      }),
    );
  });
  // Step 4: a claimed key whose visit was already recorded keeps the answer it got (200 or 409) instead of the
  // 201 its claim assumed, in the same transaction as the claim.
  const claimed = batch
    .map((v, i) => ({ v, a: answers[i]!, s: step.get(i)! }))
    .filter((x) => x.s.proceed && x.v.idempotencyKey && x.s.contact_id && !x.s.inserted);
  if (claimed.length) {
    await client.query(
      `update api_idempotency k set status = u.status, response = u.response
        from unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[]) as u(key_id, idem, status, response)
        where k.api_key_id = u.key_id and k.idempotency_key = u.idem`,
      [
        claimed.map((x) => x.v.keyId),
        claimed.map((x) => x.v.idempotencyKey),
        claimed.map((x) => x.a.status),
        claimed.map((x) => JSON.stringify(x.a.body)),
      ],
    );
  }
  return answers;
}

// Deadlock or serialization failure with another instance's batch, or a guest deleted while the batch ran (the
// foreign key): the batch is simply run again (that guest's call then gets 404), not failed for every call in it.
const RETRYABLE = new Set(["40P01", "40001", "23503"]);

/** The batch's keys and then its visits, in one transaction: each call's answer, in order. */
async function answerBatch(pool: Pool, client: PoolClient, calls: VisitCall[]): Promise<ApiResponse[]> {
  const checks = await checkKeys(
    client,
    calls.map((c) => c.keyHash),
  );
  const answers: (ApiResponse | undefined)[] = [];
  const pending: { at: number; visit: PendingVisit }[] = [];
  for (const [i, call] of calls.entries()) {
    const verdict = keyVerdict(checks[i] ?? null, "visits:write", pool);
    if (!verdict.ok) answers[i] = verdict.response;
    else if ("invalid" in call) answers[i] = call.invalid;
    else pending.push({ at: i, visit: { ...call.visit, keyId: verdict.caller.keyId } });
  }
  if (pending.length) {
    const written = await writeBatch(
      client,
      pending.map((p) => p.visit),
    );
    for (const [n, p] of pending.entries()) answers[p.at] = written[n];
  }
  return answers as ApiResponse[];
}

async function writeInTransaction(pool: Pool, calls: VisitCall[]): Promise<ApiResponse[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query("begin");
      const answers = await answerBatch(pool, client, calls);
      await client.query("commit");
      return answers;
    } catch (err) {
      await client.query("rollback").catch(() => {});
      if (attempt < 4 && RETRYABLE.has((err as { code?: string }).code ?? "")) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}

const committers = new WeakMap<Pool, (call: VisitCall) => Promise<ApiResponse>>();
let sequence = 0;

/**
 * Records a visit called in through the API, exactly once: calls arriving together are written together (one
 * transaction per batch, see group-commit.ts, that checks their keys first: 401, 403 or 429 for a bad one), calls with the same Idempotency-Key never share a batch, and the
 * unique (source, external id) and idempotency-key indexes make concurrent duplicates, on any instance, wait
 * for the first and get its answer. Answers 201 (created), 200 (external id already recorded for this guest),
 * 404 (no such guest), 409 (external id is another guest's), or a replayed/refused idempotent answer.
 */
export function recordApiVisit(pool: Pool, call: VisitCall): Promise<ApiResponse> {
  let submit = committers.get(pool);
  if (!submit) {
    submit = groupCommit<VisitCall, ApiResponse>({
      maxBatch: 200,
      keyOf: (c) =>
        "invalid" in c
          ? `n ${sequence++}`
          : c.visit.idempotencyKey !== null
            ? `k ${c.keyHash} ${c.visit.idempotencyKey}`
            : (c.visit.externalId ?? `n ${sequence++}`),
      write: (batch) => writeInTransaction(pool, batch),
    });
    committers.set(pool, submit);
  }
  return submit(call);
}
