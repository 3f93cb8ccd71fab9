import { problem } from "./problem";
import type { ApiResponse } from "./types";

/** A stored idempotency key: the request it was first used for and the answer it got. */
export type StoredKey = { request_hash: string; status: number | null; response: unknown };

/**
 * SQL claiming keys: a fresh key is inserted; one past its 24 hours is taken over as if new (with the answer the
 * claim wrote, if any: a visit's claim carries its likely answer, a guest's none until it is known).
 */
export const CLAIM_CONFLICT_SQL = `on conflict (api_key_id, idempotency_key) do update
    set route = excluded.route, request_hash = excluded.request_hash, status = excluded.status,
      response = excluded.response, created_at = now()
    where api_idempotency.created_at < now() - make_interval(hours => 24)`;

/** The answer for a key used before: its stored first answer for the same request, else a 422 (Stripe's rule). */
export function answerForUsedKey(stored: StoredKey | undefined, hash: string): ApiResponse {
  if (stored && stored.request_hash === hash && stored.status !== null) {
    return {
      status: stored.status,
      headers: {
        "content-type": stored.status >= 400 ? "application/problem+json" : "application/json",
        "idempotent-replayed": "true",
      },
      body: stored.response,
    };
  }
  return problem(
    "idempotency-key-reused",
    "This Idempotency-Key was already used for a different request in the last 24 hours. Use a new key for a new request.",
  );
}
