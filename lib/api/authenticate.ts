import "server-only";
import type { Pool, PoolClient } from "pg";
import { groupCommit } from "@/lib/campaigns/group-commit";
import { getPool } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { hashApiKey, looksLikeApiKey } from "./key-secret";
import { problem } from "./problem";
import type { ApiScope } from "./scopes";
import type { ApiRequest, ApiResponse } from "./types";

export type ApiCaller = { keyId: string; scopes: ApiScope[] };
export type AuthOutcome = { ok: true; caller: ApiCaller } | { ok: false; response: ApiResponse };

/** The rate limit's window: calls per key counted over the last minute (a sliding window). */
export const WINDOW_MS = 60_000;
/** "Last used" is written at most this often per key and process (and the SQL skips it across instances). */
export const LAST_USED_EVERY_MS = 60_000;
/** Idempotency keys are kept this long (Stripe: 24 h). */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** What the database knows of a key at the moment of a call: live or revoked, and its calls in the window before. */
export type KeyCheck = { id: string; scopes: ApiScope[]; revoked: boolean; seen: number };

/**
 * The key check as common table expressions over a CTE `input` with columns `ord` (the call's order) and
 * `key_hash`: `checked` gives, for every call whose key exists, the key, whether it is revoked, and how many calls
 * it made in the window before this one (the earlier ones of this batch included, by their order). Each call of a
 * live key is logged: an append-only log, so a burst of calls on one key never queues on a counter row's lock.
 * `windowParam`: the placeholder of the window in ms. Used alone (checkKeys) and inside the visits' one-statement
 * write (visits-one-statement.ts), so the two count alike.
 */
export const keyCheckCtes = (windowParam: string) => `
  found as (
    select i.ord, k.id, k.scopes, k.revoked_at is not null as revoked,
      row_number() over (partition by k.id order by i.ord) as nth
    from input i join api_keys k on k.secret_hash = i.key_hash
  ),
  recent as (
    select l.api_key_id, count(*) as n from api_request_log l
    where l.api_key_id in (select id from found) and l.at > now() - make_interval(secs => ${windowParam}::int / 1000.0)
    group by l.api_key_id
  ),
  logged as (insert into api_request_log (api_key_id) select id from found where not revoked),
  checked as (
    select f.ord, f.id, f.scopes, f.revoked, (f.nth - 1 + coalesce(r.n, 0))::int as seen
    from found f left join recent r on r.api_key_id = f.id
  )`;

const AUTH_BATCH_SQL = `
  with input as (select key_hash, ord::int from unnest($1::text[]) with ordinality as u(key_hash, ord)),
  ${keyCheckCtes("$2")}
  select ord, id, scopes, revoked, seen from checked`;

/**
 * Checks a batch of keys (their hashes, in call order) in one statement and logs each live call for the rate
 * limit. The visits write runs this inside its own transaction, so a call costs one batch, not two in a row.
 */
export async function checkKeys(db: Pool | PoolClient, hashes: readonly string[]): Promise<(KeyCheck | null)[]> {
  const { rows } = await db.query<KeyCheck & { ord: number }>({
    name: "api_auth_batch_v3",
    text: AUTH_BATCH_SQL,
    values: [hashes, WINDOW_MS],
  });
  const byOrd = new Map(rows.map((r) => [r.ord, r]));
  return hashes.map((_, i) => byOrd.get(i + 1) ?? null);
}

const committers = new WeakMap<Pool, (hash: string) => Promise<KeyCheck | null>>();
let sequence = 0;

function lookup(pool: Pool, hash: string): Promise<KeyCheck | null> {
  let submit = committers.get(pool);
  if (!submit) {
    submit = groupCommit<string, KeyCheck | null>({
      maxBatch: 500,
      keyOf: () => String(sequence++), // calls on one key may share a batch: the SQL counts them in order
      write: (hashes) => checkKeys(pool, hashes),
    });
    committers.set(pool, submit);
  }
  return submit(hash);
}

const unauthorized = (detail: string) =>
  ({ ok: false, response: problem("unauthorized", detail, { headers: { "www-authenticate": "Bearer" } }) }) as const;

/** The call's key as presented: its hash to look up, or the 401 for a missing or malformed one (no database). */
export function readBearerKey(req: ApiRequest): { ok: true; hash: string } | { ok: false; response: ApiResponse } {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (!match) return unauthorized("Send the API key as `Authorization: Bearer <key>` (Settings > API keys).");
  const secret = match[1]!;
  if (!looksLikeApiKey(secret)) return unauthorized("That is not an API key of this app.");
  return { ok: true, hash: hashApiKey(secret) };
}

/** The verdict on a looked-up key for a call needing `scope`: unknown, revoked, over its rate limit, or allowed. */
export function keyVerdict(found: KeyCheck | null, scope: ApiScope, pool: Pool): AuthOutcome {
  if (!found) return unauthorized("Unknown API key.");
  if (found.revoked) return unauthorized("This API key was revoked.");
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  if (found.seen >= limit) {
    return {
      ok: false,
      response: problem("rate-limited", `At most ${limit} calls a minute per API key. Wait, then retry.`, {
        headers: { "retry-after": String(Math.ceil(WINDOW_MS / 1000)) },
      }),
    };
  }
  touchKey(pool, found.id);
  if (!found.scopes.includes(scope)) {
    return {
      ok: false,
      response: problem(
        "insufficient-scope",
        `This call needs the \`${scope}\` scope; the key has: ${found.scopes.join(", ")}.`,
      ),
    };
  }
  return { ok: true, caller: { keyId: found.id, scopes: found.scopes } };
}

/**
 * Checks the call's `Authorization: Bearer <key>` (never a cookie: the API has no sessions, so a browser's
 * signed-in cookie can't make a call for a page), the key's scope, and its rate limit (API_RATE_LIMIT_PER_MINUTE
 * per key, shared by every instance through Postgres). One statement per batch of concurrent calls.
 */
export async function authenticate(req: ApiRequest, scope: ApiScope, pool: Pool = getPool()): Promise<AuthOutcome> {
  const key = readBearerKey(req);
  if (!key.ok) return key;
  return keyVerdict(await lookup(pool, key.hash), scope, pool);
}

const touchedAt = new Map<string, number>();
const pendingTouches = new Set<Promise<unknown>>();

/**
 * Records "last used" at most once a minute per key (not a write on every call under load), and on the same
 * occasion deletes the key's rate-limit log rows past the window and its idempotency keys past 24 hours.
 */
function touchKey(pool: Pool, keyId: string, now = Date.now()) {
  if (now - (touchedAt.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  touchedAt.set(keyId, now);
  const work = (async () => {
    await pool.query(
      `update api_keys set last_used_at = now()
        where id = $1 and (last_used_at is null or last_used_at < now() - make_interval(secs => $2::int / 1000.0))`,
      [keyId, LAST_USED_EVERY_MS],
    );
    await pool.query(
      "delete from api_request_log where api_key_id = $1 and at < now() - make_interval(secs => $2::int / 1000.0)",
      [keyId, WINDOW_MS],
    );
    await pool.query(
      "delete from api_idempotency where api_key_id = $1 and created_at < now() - make_interval(hours => $2)",
      [keyId, IDEMPOTENCY_TTL_HOURS],
    );
  })()
    .catch((err: Error) => logger.warn({ err: err.message }, "api key housekeeping failed"))
    .finally(() => pendingTouches.delete(work));
  pendingTouches.add(work);
}

/** For tests: waits for "last used" writes in flight, and forgets when keys were touched. */
export async function settleKeyTouches(options: { forget?: boolean } = {}) {
  await Promise.all(pendingTouches);
  if (options.forget) touchedAt.clear();
}
