import "server-only";
import type { Pool } from "pg";
import { env } from "@/lib/env";
import { keyCheckCtes, keyVerdict, WINDOW_MS } from "./authenticate";
import { answerForUsedKey } from "./idempotency";
import type { ApiScope } from "./scopes";
import type { ApiResponse } from "./types";
import {
  guestNotFound,
  jsonAnswer,
  storedKeys,
  type VisitCall,
  type VisitFields,
  visitColumns,
  visitColumnsInput,
  visitWriteCtes,
  withBatchRetries,
} from "./visit-batch";

const SCOPE: ApiScope = "visits:write";
/** SQLSTATE of abort_statement() (migration 0024): the batch needs the full path. */
const NEEDS_FULL_PATH = "CDR01";

const input = visitColumnsInput(4);
// Everything a batch of visit calls needs in the usual case, in one statement and so one round trip: each key
// checked and its call logged for the rate limit (keyCheckCtes), the calls whose key may write and whose fields
// are valid (`allowed`: the same rule as keyVerdict), the write (visitWriteCtes), and the stored answers of keys
// used before that this statement's snapshot sees. One statement is one transaction: if a call that went ahead
// finds its external id already recorded (its key's claim assumed a 201), abort_statement() undoes all of it.
const ONE_STATEMENT_SQL = `
  with input as (
    select * from unnest($1::int[], $2::text[], $3::boolean[], ${input.arrays}) as u(ord, key_hash, valid, ${input.names})
  ),
  ${keyCheckCtes("$16")},
  allowed as (
    select i.*, c.id as key_id from input i join checked c on c.ord = i.ord
    where i.valid and not c.revoked and c.seen < $17 and $18 = any(c.scopes)
  ),
  ${visitWriteCtes("allowed")},
  stored as (
    select a.ord, s.request_hash, s.status, s.response from allowed a
    join api_idempotency s on s.api_key_id = a.key_id and s.idempotency_key = a.idem
    where not exists (select 1 from go where go.ord = a.ord)
  )
  select i.ord, c.id as key_id, c.scopes, c.revoked, c.seen, (g.ord is not null) as proceed, g.contact_id,
    s.request_hash as stored_hash, s.status as stored_status, s.response as stored_response,
    case when g.contact_id is not null and n.id is null then abort_statement('a visit''s external id is recorded') end
      as aborted
  from input i
  left join checked c on c.ord = i.ord
  left join go g on g.ord = i.ord
  left join inserted n on n.id = g.visit_id
  left join stored s on s.ord = i.ord`;

type Row = {
  ord: number;
  key_id: string | null;
  scopes: ApiScope[] | null;
  revoked: boolean | null;
  seen: number | null;
  proceed: boolean;
  contact_id: string | null;
  stored_hash: string | null;
  stored_status: number | null;
  stored_response: unknown;
};

/** What an invalid call passes in the statement's columns: nothing it could write. */
const NO_VISIT: VisitFields = {
  idempotencyKey: null,
  requestHash: "",
  phone: null,
  guestId: null,
  visitedAt: new Date(0),
  partySize: null,
  spendMinor: null,
  currency: null,
  externalId: null,
};

async function runStatement(pool: Pool, calls: readonly VisitCall[], values: unknown[]): Promise<Row[] | null> {
  try {
    const { rows } = await withBatchRetries(() =>
      pool.query<Row>({
        name: "api_visits_one_statement_v1",
        text: ONE_STATEMENT_SQL,
        values: [
          calls.map((_, i) => i),
          calls.map((c) => c.keyHash),
          calls.map((c) => "visit" in c),
          ...values,
          WINDOW_MS,
          env().API_RATE_LIMIT_PER_MINUTE,
          SCOPE,
        ],
      }),
    );
    return rows;
  } catch (err) {
    if ((err as { code?: string }).code === NEEDS_FULL_PATH) return null;
    throw err;
  }
}

/**
 * Writes a batch of visit calls in one statement and answers each, in order: 401, 403 or 429 for a bad key, the
 * call's own 4xx, 201 (created), 404 (no such guest), or a key's stored answer. Null when the batch holds a visit
 * whose external id was already recorded: nothing was written, and the full path (visits-write.ts) must run it.
 */
export async function writeVisitsInOneStatement(
  pool: Pool,
  calls: readonly VisitCall[],
): Promise<ApiResponse[] | null> {
  const { created, values } = visitColumns(calls.map((c) => ("visit" in c ? c.visit : NO_VISIT)));
  const rows = await runStatement(pool, calls, values);
  if (!rows) return null;
  const byOrd = new Map(rows.map((r) => [r.ord, r]));
  const answers: ApiResponse[] = [];
  // Keys claimed by a transaction that committed while this statement waited for it: after the statement's
  // snapshot, so their answers are read now (committed, so no transaction is needed to read them).
  const unseen: { at: number; keyId: string; idempotencyKey: string; requestHash: string }[] = [];
  for (const [i, call] of calls.entries()) {
    const row = byOrd.get(i)!;
    const check = row.key_id
      ? { id: row.key_id, scopes: row.scopes ?? [], revoked: row.revoked ?? false, seen: row.seen ?? 0 }
      : null;
    const verdict = keyVerdict(check, SCOPE, pool);
    // The statement's `allowed` is keyVerdict's rule: a call it let through is one keyVerdict allows, and one
    // allowed without an Idempotency-Key (nothing to find used) always goes ahead.
    const allowed = verdict.ok && "visit" in call;
    if (row.proceed ? !allowed : allowed && call.visit.idempotencyKey === null)
      throw new Error("the visits statement and keyVerdict disagree on a call");
    if (!verdict.ok) answers[i] = verdict.response;
    else if (!("visit" in call)) answers[i] = call.invalid;
    else if (row.proceed)
      answers[i] = row.contact_id
        ? jsonAnswer(201, { ...created[i]!, guestId: row.contact_id })
        : guestNotFound(call.visit);
    else if (row.stored_hash !== null)
      answers[i] = answerForUsedKey(
        { request_hash: row.stored_hash, status: row.stored_status, response: row.stored_response },
        call.visit.requestHash,
      );
    else
      unseen.push({
        at: i,
        keyId: verdict.caller.keyId,
        idempotencyKey: call.visit.idempotencyKey!,
        requestHash: call.visit.requestHash,
      });
  }
  const stored = await storedKeys(pool, unseen);
  for (const u of unseen) answers[u.at] = answerForUsedKey(stored.get(`${u.keyId} ${u.idempotencyKey}`), u.requestHash);
  return answers;
}
