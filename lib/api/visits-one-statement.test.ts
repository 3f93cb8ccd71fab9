import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { call, newKey } from "@/tests/support/api";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { hashApiKey } from "./key-secret";
import { problem } from "./problem";
import type { VisitCall, VisitFields } from "./visit-batch";
import { writeVisitsInOneStatement } from "./visits-one-statement";

async function guest() {
  const key = await newKey();
  const phone = uniqueDkPhone();
  const created = await call("/api/v1/guests", key.secret, { phone });
  return { key, keyHash: hashApiKey(key.secret), phone, guestId: (created.body as { id: string }).id };
}

const fields = (phone: string, extra: Partial<VisitFields> = {}): VisitFields => ({
  idempotencyKey: randomUUID(),
  requestHash: `hash-${randomUUID()}`,
  phone,
  guestId: null,
  visitedAt: new Date("2026-11-20T18:30:00Z"),
  partySize: 2,
  spendMinor: 24950,
  currency: "DKK",
  externalId: `R-${randomUUID()}`,
  ...extra,
});

/** What the batch's calls left in the database: visits, claimed keys and rate-limit log rows. */
async function traces(keyId: string, externalIds: string[]) {
  const { rows } = await getPool().query<{ visits: number; keys: number; logged: number }>(
    `select (select count(*) from visits where external_id = any($2::text[]))::int as visits,
       (select count(*) from api_idempotency where api_key_id = $1)::int as keys,
       (select count(*) from api_request_log where api_key_id = $1)::int as logged`,
    [keyId, externalIds],
  );
  return rows[0]!;
}

describe("the visits' one-statement write", () => {
  it("answers a usual batch in one statement: created, unknown guest, bad key, invalid call, replayed key", async () => {
    const { key, keyHash, phone, guestId } = await guest();
    const earlier = fields(phone);
    const [first] = (await writeVisitsInOneStatement(getPool(), [{ keyHash, visit: earlier }]))!;
    expect(first!.status).toBe(201);
    const invalid = problem("validation-failed", "Some fields are invalid; see `errors`.");
    const batch: VisitCall[] = [
      { keyHash, visit: fields(phone) },
      { keyHash, visit: fields(uniqueDkPhone()) },
      { keyHash: hashApiKey(`cdr_${"x".repeat(43)}`), visit: fields(phone) },
      { keyHash, invalid },
      { keyHash, visit: earlier },
    ];
    const answers = (await writeVisitsInOneStatement(getPool(), batch))!;
    expect(answers.map((a) => a.status)).toEqual([201, 404, 401, 422, 201]);
    expect(answers[0]!.body).toMatchObject({ guestId, partySize: 2, created: true });
    expect(answers[4]!.body).toEqual(first!.body);
    expect(answers[4]!.headers).toMatchObject({ "idempotent-replayed": "true" });
    // Logged for the rate limit, every call of the live key: the guest's creation, the first visit, these four.
    expect((await traces(key.id, [])).logged).toBe(1 + 1 + 4);
  });

  it("writes nothing and hands the batch on when a visit's external id is already recorded", async () => {
    const { key, keyHash, phone } = await guest();
    const recorded = fields(phone, { idempotencyKey: null });
    expect((await writeVisitsInOneStatement(getPool(), [{ keyHash, visit: recorded }]))![0]!.status).toBe(201);
    const before = await traces(key.id, []);
    const fresh = [fields(phone), fields(phone)];
    const again = fields(phone, { externalId: recorded.externalId });
    const answers = await writeVisitsInOneStatement(getPool(), [
      { keyHash, visit: fresh[0]! },
      { keyHash, visit: again },
      { keyHash, visit: fresh[1]! },
    ]);
    expect(answers).toBeNull();
    // All or nothing: the fresh calls' visits, key claims and log rows went with the statement.
    const after = await traces(
      key.id,
      fresh.map((f) => f.externalId!),
    );
    expect(after).toEqual({ visits: 0, keys: before.keys, logged: before.logged });
    // The full path answers the batch (api-writes.test.ts: 200 for the same guest, 409 for another).
    const replay = await call(
      "/api/v1/visits",
      key.secret,
      { guest: { phone }, visitedAt: "2026-11-20T19:30:00+01:00", externalId: recorded.externalId },
      { idempotencyKey: again.idempotencyKey! },
    );
    expect(replay.status).toBe(200);
  });

  it("answers a key another transaction claimed meanwhile with that transaction's answer", async () => {
    const { key, keyHash, phone } = await guest();
    const visit = fields(phone);
    const holder = await getPool().connect();
    try {
      await holder.query("begin");
      await holder.query(
        `insert into api_idempotency (api_key_id, idempotency_key, route, request_hash, status, response)
          values ($1, $2, 'POST /api/v1/visits', $3, 201, '{"id": "from-the-other-call"}')`,
        [key.id, visit.idempotencyKey, visit.requestHash],
      );
      const pending = writeVisitsInOneStatement(getPool(), [{ keyHash, visit }]);
      await new Promise((r) => setTimeout(r, 300)); // the statement now waits on the held key
      await holder.query("commit");
      const [answer] = (await pending)!;
      expect(answer).toMatchObject({ status: 201, body: { id: "from-the-other-call" } });
      expect(answer!.headers).toMatchObject({ "idempotent-replayed": "true" });
      expect((await traces(key.id, [visit.externalId!])).visits).toBe(0);
    } finally {
      holder.release();
    }
  });
});
