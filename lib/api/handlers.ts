import "server-only";
import { sharedResult } from "@/lib/cache/shared-result";
import { normalizePhone } from "@/lib/contacts/phone";
import { getDb, getPool } from "@/lib/db";
import { toMinorUnits } from "@/lib/format/currency";
import { logger } from "@/lib/logger";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { authenticate, readBearerKey } from "./authenticate";
import { GUESTS_ROUTE, upsertApiGuest } from "./guests-write";
import { openApiDocument } from "./openapi";
import { problem } from "./problem";
import { readIdempotencyKey, readJsonBody, requestHash } from "./request-body";
import { guestInputSchema, visitInputSchema } from "./schemas";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";
import { recordApiVisit, VISITS_ROUTE, type VisitFields } from "./visits-write";

/** The default country for numbers written without a code: read at most every 10 s, not on every call. */
const defaultCountry = sharedResult({ ttlMs: 10_000, keyOf: () => "" }, async () => {
  return (await getRestaurantSettings(getDb())).defaultCountry;
});

async function phoneOr422(
  raw: string,
  path: string,
): Promise<{ ok: true; e164: string } | { ok: false; response: ApiResponse }> {
  const normalized = normalizePhone(raw, await defaultCountry(undefined));
  if (normalized.ok) return { ok: true, e164: normalized.e164 };
  return {
    ok: false,
    response: problem("validation-failed", "Some fields are invalid; see `errors`.", {
      errors: [{ path, message: normalized.reason }],
    }),
  };
}

/** POST /api/v1/guests (scope guests:write). */
export const postGuest: ApiHandler = async (req) => {
  const auth = await authenticate(req, "guests:write");
  if (!auth.ok) return auth.response;
  const idem = readIdempotencyKey(req);
  if (!idem.ok) return idem.response;
  const body = readJsonBody(req, guestInputSchema);
  if (!body.ok) return body.response;
  const phone = await phoneOr422(body.value.phone, "phone");
  if (!phone.ok) return phone.response;
  return upsertApiGuest(getDb(), {
    keyId: auth.caller.keyId,
    idempotencyKey: idem.key,
    requestHash: requestHash(GUESTS_ROUTE, body.raw),
    phone: phone.e164,
    input: body.value,
  });
};

/**
 * POST /api/v1/visits (scope visits:write). The key is checked in the same transaction as the write (one batch
 * of concurrent calls, one round of statements): the call's own checks run first, here, without the database,
 * and their answer is given only to a call whose key is good, so a bad key still gets its 401 first.
 */
export const postVisit: ApiHandler = async (req) => {
  const key = readBearerKey(req);
  if (!key.ok) return key.response;
  return recordApiVisit(getPool(), { keyHash: key.hash, ...(await readVisitCall(req)) });
};

async function readVisitCall(req: ApiRequest): Promise<{ invalid: ApiResponse } | { visit: VisitFields }> {
  const idem = readIdempotencyKey(req);
  if (!idem.ok) return { invalid: idem.response };
  const body = readJsonBody(req, visitInputSchema);
  if (!body.ok) return { invalid: body.response };
  const input = body.value;
  let phone: string | null = null;
  if (input.guest.phone !== undefined) {
    const normalized = await phoneOr422(input.guest.phone, "guest.phone");
    if (!normalized.ok) return { invalid: normalized.response };
    phone = normalized.e164;
  }
  return {
    visit: {
      idempotencyKey: idem.key,
      requestHash: requestHash(VISITS_ROUTE, body.raw),
      phone,
      guestId: input.guest.id ?? null,
      visitedAt: new Date(input.visitedAt),
      partySize: input.partySize ?? null,
      spendMinor: input.spend ? toMinorUnits(input.spend.amount, input.spend.currency) : null,
      currency: input.spend?.currency ?? null,
      externalId: input.externalId ?? null,
    },
  };
}

/** GET /api/v1/openapi.json: public, like any API's reference (it holds no data). */
export const getOpenApi: ApiHandler = async () => ({
  status: 200,
  headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  body: openApiDocument(),
});

/** Every API route: path → method → handler (a direct mount in the HTTP server can serve from this table). */
export const API_ROUTES: Record<string, Record<string, ApiHandler>> = {
  "/api/v1/guests": { POST: postGuest },
  "/api/v1/visits": { POST: postVisit },
  "/api/v1/openapi.json": { GET: getOpenApi },
};

/**
 * Answers an API call: 404 for an unknown path, 405 (with Allow) for another method, and a problem+json 500,
 * logged without the body, for anything unexpected. Never throws.
 */
export async function answerApiCall(path: string, req: ApiRequest): Promise<ApiResponse> {
  const route = Object.hasOwn(API_ROUTES, path) ? API_ROUTES[path] : undefined;
  if (!route) return problem("not-found", `No API route ${path}.`);
  const handler = Object.hasOwn(route, req.method) ? route[req.method] : undefined;
  if (!handler)
    return problem("method-not-allowed", `${path} answers ${Object.keys(route).join(", ")}.`, {
      headers: { allow: Object.keys(route).join(", ") },
    });
  try {
    return await handler(req);
  } catch (err) {
    logger.error({ err: (err as Error).message, path }, "api call failed");
    return problem(
      "internal",
      "Something went wrong on our side; nothing was recorded. Retry with the same Idempotency-Key.",
    );
  }
}
