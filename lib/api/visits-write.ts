import "server-only";
import type { Pool, PoolClient } from "pg";
import { groupCommit } from "@/lib/campaigns/group-commit";
import { checkKeys, keyVerdict } from "./authenticate";
import { answerForUsedKey } from "./idempotency";
import { problem } from "./problem";
import type { ApiResponse } from "./types";
import {
  guestNotFound,
  jsonAnswer,
  storedKeys,
  type VisitCall,
  type VisitFields,
  visitBody,
  visitColumns,
  visitColumnsInput,
  visitWriteCtes,
  withBatchRetries,
} from "./visit-batch";
import { writeVisitsInOneStatement } from "./visits-one-statement";

export { VISITS_ROUTE, type VisitCall, type VisitFields } from "./visit-batch";

/** One validated visit call, its key found good, ready to write. */
type PendingVisit = VisitFields & { keyId: string };

const input = visitColumnsInput(3);
// Step 1 of the full path, one statement (visitWriteCtes). Afterwards the stored answers of keys used before are
// read (step 2). Only a visit whose external id was already recorded needs its stored answer corrected (step 4).
const CLAIM_AND_INSERT_SQL = `
  with input as (
    select * from unnest($1::int[], $2::uuid[], ${input.arrays}) as u(ord, key_id, ${input.names})
  ),
  ${visitWriteCtes("input")}
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

async function writeBatch(client: PoolClient, batch: PendingVisit[]): Promise<ApiResponse[]> {
  const { created, values } = visitColumns(batch);
  const { rows } = await client.query<Step1>({
    name: "api_visits_batch_v3",
    text: CLAIM_AND_INSERT_SQL,
    values: [batch.map((_, i) => i), batch.map((v) => v.keyId), ...values],
  });
  const step = new Map(rows.map((r) => [r.ord, r]));
  // Step 2: the stored answers of keys used before.
  const stored = await storedKeys(
    client,
    batch.filter((v, i): v is PendingVisit & { idempotencyKey: string } => !step.get(i)?.proceed),
  );
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
    if (!s.contact_id) return guestNotFound(v);
    if (s.inserted) return jsonAnswer(201, { ...created[i]!, guestId: s.contact_id });
    const e = existing.get(v.externalId!)!;
    if (e.contact_id !== s.contact_id)
      return problem("visit-exists-for-other-guest", `The visit ${v.externalId} is recorded for another guest.`);
    return jsonAnswer(
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

/** The full path: the batch's keys and then its visits, in one transaction: each call's answer, in order. */
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
  return withBatchRetries(async () => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      const answers = await answerBatch(pool, client, calls);
      await client.query("commit");
      return answers;
    } catch (err) {
      await client.query("rollback").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  });
}

/**
 * A batch's answers: written in one statement, one round trip (visits-one-statement.ts), unless it holds a
 * visit whose external id was already recorded; that batch is written again on the full path, whose later
 * steps give such a call its 200 or 409 and store that answer with its key.
 */
async function writeVisitBatch(pool: Pool, calls: VisitCall[]): Promise<ApiResponse[]> {
  return (await writeVisitsInOneStatement(pool, calls)) ?? writeInTransaction(pool, calls);
}

const committers = new WeakMap<Pool, (call: VisitCall) => Promise<ApiResponse>>();
let sequence = 0;

/**
 * Records a visit called in through the API, exactly once: calls arriving together are written together (one
 * statement per batch, see group-commit.ts, that checks their keys too: 401, 403 or 429 for a bad one), calls
 * with the same Idempotency-Key never share a batch, and the
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
      write: (batch) => writeVisitBatch(pool, batch),
    });
    committers.set(pool, submit);
  }
  return submit(call);
}
