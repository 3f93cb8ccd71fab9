import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consentEvents, contacts, visits } from "@/drizzle/schema";
import { suppressPhones } from "@/lib/consent/suppression";
import { getDb } from "@/lib/db";
import { call, newKey } from "@/tests/support/api";
import { uniqueDkPhone } from "@/tests/support/contacts";

const visitsOf = (contactId: string) => getDb().select().from(visits).where(eq(visits.contactId, contactId));

async function guestWithKey() {
  const key = await newKey();
  const phone = uniqueDkPhone();
  const created = await call("/api/v1/guests", key.secret, { phone, firstName: "Ada" });
  return { key, phone, guestId: (created.body as { id: string }).id };
}

const visit = (phone: string, extra: Record<string, unknown> = {}) => ({
  guest: { phone },
  visitedAt: "2026-11-20T19:30:00+01:00",
  partySize: 4,
  spend: { amount: "1249.50", currency: "DKK" },
  ...extra,
});

describe("POST /api/v1/guests", () => {
  it("creates, then updates only the fields given, and never grants consent unless told with its wording", async () => {
    const key = await newKey();
    const phone = uniqueDkPhone();
    const first = await call("/api/v1/guests", key.secret, { phone: phone.slice(3), firstName: "Ada", tags: ["VIP"] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ phone, firstName: "Ada", consent: { state: "none", outcome: "not-requested" } });
    const again = await call("/api/v1/guests", key.secret, { phone, lastName: "Lovelace", tags: ["regular"] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ firstName: "Ada", lastName: "Lovelace", created: false });
    const [row] = await getDb().select().from(contacts).where(eq(contacts.phone, phone));
    expect(row).toMatchObject({ consentState: "none", tags: ["regular", "vip"] });

    const granted = await call("/api/v1/guests", key.secret, {
      phone,
      consent: { wording: "Yes, send me offers by SMS.", source: "Online booking form" },
    });
    expect(granted.body).toMatchObject({ consent: { state: "granted", outcome: "granted" } });
    const ledger = await getDb().select().from(consentEvents).where(eq(consentEvents.contactId, row!.id));
    expect(ledger).toEqual([
      expect.objectContaining({
        state: "granted",
        source: "api",
        sourceName: "Online booking form",
        wording: "Yes, send me offers by SMS.",
      }),
    ]);
  });

  it("never grants consent to a guest who withdrew or a suppressed number", async () => {
    const key = await newKey();
    const consent = { wording: "Yes please", source: "Till" };
    const withdrawn = uniqueDkPhone();
    await call("/api/v1/guests", key.secret, { phone: withdrawn });
    await getDb().update(contacts).set({ consentState: "withdrawn" }).where(eq(contacts.phone, withdrawn));
    const a = await call("/api/v1/guests", key.secret, { phone: withdrawn, consent });
    expect(a.body).toMatchObject({ consent: { state: "withdrawn", outcome: "refused-withdrawn" } });
    const suppressed = uniqueDkPhone();
    await suppressPhones(getDb(), [suppressed], "opt_out_link");
    const b = await call("/api/v1/guests", key.secret, { phone: suppressed, consent });
    expect(b.body).toMatchObject({ consent: { state: "none", outcome: "refused-suppressed" } });
  });

  it("answers invalid input with every field's path, in one problem+json shape, and writes nothing", async () => {
    const key = await newKey();
    const answer = await call("/api/v1/guests", key.secret, {
      phone: "12",
      birthday: { month: 2, day: 30 },
      consent: { wording: "" },
      shoeSize: 44,
    });
    expect(answer.status).toBe(422);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    const body = answer.body as { code: string; type: string; errors: { path: string }[] };
    expect(body.code).toBe("validation-failed");
    expect(body.type).toMatch(/^tag:/);
    expect(body.errors.map((e) => e.path).sort()).toEqual(["", "birthday.day", "consent.source", "consent.wording"]);
    const badPhone = await call("/api/v1/guests", key.secret, { phone: "12" });
    expect(badPhone.body).toMatchObject({ errors: [{ path: "phone" }] });
    expect((await call("/api/v1/guests", key.secret, "{not json")).body).toMatchObject({ code: "malformed-json" });
    expect(
      (
        await call(
          "/api/v1/guests",
          key.secret,
          { phone: uniqueDkPhone() },
          { headers: { "content-type": "text/plain" } },
        )
      ).status,
    ).toBe(415);
    expect((await call("/api/v1/guests", key.secret, { notes: "x".repeat(20_000) })).status).toBe(413);
  });
});

describe("POST /api/v1/visits", () => {
  it("records a visit by phone or id, spend in minor units, and refuses floats, future times and unknown guests", async () => {
    const { key, phone, guestId } = await guestWithKey();
    const byPhone = await call("/api/v1/visits", key.secret, visit(phone));
    expect(byPhone.status).toBe(201);
    expect(byPhone.body).toMatchObject({
      guestId,
      visitedAt: "2026-11-20T18:30:00.000Z",
      partySize: 4,
      spend: { amount: "1249.50", amountMinor: 124950, currency: "DKK" },
      created: true,
    });
    const byId = await call("/api/v1/visits", key.secret, {
      guest: { id: guestId },
      visitedAt: "2026-11-21T12:00:00Z",
    });
    expect(byId.status).toBe(201);
    expect(await visitsOf(guestId)).toHaveLength(2);

    const bad = await call("/api/v1/visits", key.secret, {
      guest: { phone, id: guestId },
      visitedAt: "2099-01-01T00:00:00Z",
      spend: { amount: 12.5, currency: "dkk" },
      partySize: 0,
    });
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      "guest",
      "partySize",
      "spend.amount",
      "spend.currency",
      "visitedAt",
    ]);
    const decimals = await call(
      "/api/v1/visits",
      key.secret,
      visit(phone, { spend: { amount: "10.555", currency: "DKK" } }),
    );
    expect(decimals.body).toMatchObject({ errors: [{ path: "spend.amount", message: "DKK has 2 decimals." }] });
    const unknown = await call("/api/v1/visits", key.secret, visit(uniqueDkPhone()));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "guest-not-found" });
    expect(await visitsOf(guestId)).toHaveLength(2);
  });

  it("replays the first answer for the same Idempotency-Key and body, and refuses the key with another body", async () => {
    const { key, phone, guestId } = await guestWithKey();
    const idempotencyKey = randomUUID();
    const first = await call("/api/v1/visits", key.secret, visit(phone), { idempotencyKey });
    // Same content, keys in another order: the same request.
    const { spend, ...rest } = visit(phone);
    const replay = await call("/api/v1/visits", key.secret, { spend, ...rest }, { idempotencyKey });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    const mismatch = await call("/api/v1/visits", key.secret, visit(phone, { partySize: 5 }), { idempotencyKey });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: "idempotency-key-reused" });
    // The same key on the other route is another request too.
    const otherRoute = await call("/api/v1/guests", key.secret, { phone }, { idempotencyKey });
    expect(otherRoute.body).toMatchObject({ code: "idempotency-key-reused" });
    // Another API key's keys are its own.
    const other = await newKey();
    expect((await call("/api/v1/visits", other.secret, visit(phone), { idempotencyKey })).status).toBe(201);
    expect(await visitsOf(guestId)).toHaveLength(2);
    // A 404 is an answer too: replayed, even once the guest exists.
    const lateKey = randomUUID();
    const lonely = uniqueDkPhone();
    expect((await call("/api/v1/visits", key.secret, visit(lonely), { idempotencyKey: lateKey })).status).toBe(404);
    await call("/api/v1/guests", key.secret, { phone: lonely });
    expect((await call("/api/v1/visits", key.secret, visit(lonely), { idempotencyKey: lateKey })).status).toBe(404);
  });

  it("records one visit for concurrent duplicates: same Idempotency-Key, or same external id without one", async () => {
    const { key, phone, guestId } = await guestWithKey();
    const idempotencyKey = randomUUID();
    const same = await Promise.all(
      Array.from({ length: 20 }, () => call("/api/v1/visits", key.secret, visit(phone), { idempotencyKey })),
    );
    expect(same.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(same.map((a) => (a.body as { id: string }).id)).size).toBe(1);
    const externalId = `R-${randomUUID()}`;
    const byReceipt = await Promise.all(
      Array.from({ length: 20 }, () => call("/api/v1/visits", key.secret, visit(phone, { externalId }))),
    );
    expect(byReceipt.filter((a) => a.status === 201)).toHaveLength(1);
    expect(
      byReceipt.filter((a) => a.status === 200 && (a.body as { created: boolean }).created === false),
    ).toHaveLength(19);
    expect(new Set(byReceipt.map((a) => (a.body as { id: string }).id)).size).toBe(1);
    expect(await visitsOf(guestId)).toHaveLength(2);
    // The same receipt for another guest is a conflict, not a second visit.
    const other = await guestWithKey();
    const clash = await call("/api/v1/visits", other.key.secret, visit(other.phone, { externalId }));
    expect(clash.status).toBe(409);
  });

  it("replays a keyed call's real answer when its receipt was already recorded (200 for the guest, 409 for another)", async () => {
    const { key, phone } = await guestWithKey();
    const externalId = `R-${randomUUID()}`;
    const first = await call("/api/v1/visits", key.secret, visit(phone, { externalId }));
    expect(first.status).toBe(201);
    const idempotencyKey = randomUUID();
    const again = await call("/api/v1/visits", key.secret, visit(phone, { externalId }), { idempotencyKey });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: (first.body as { id: string }).id, created: false });
    const replay = await call("/api/v1/visits", key.secret, visit(phone, { externalId }), { idempotencyKey });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(again.body);
    const other = await guestWithKey();
    const otherKey = randomUUID();
    const clash = await call("/api/v1/visits", other.key.secret, visit(other.phone, { externalId }), {
      idempotencyKey: otherKey,
    });
    expect(clash.status).toBe(409);
    const clashReplay = await call("/api/v1/visits", other.key.secret, visit(other.phone, { externalId }), {
      idempotencyKey: otherKey,
    });
    expect(clashReplay.status).toBe(409);
    expect(clashReplay.body).toEqual(clash.body);
  });

  it("answers a bad key before a bad body, and a good key's bad body with its fields", async () => {
    const { key } = await guestWithKey();
    const badBody = { guest: {}, visitedAt: "yesterday" };
    expect((await call("/api/v1/visits", `cdr_${"x".repeat(43)}`, badBody)).status).toBe(401);
    expect((await call("/api/v1/visits", null, badBody)).status).toBe(401);
    const refused = await call("/api/v1/visits", key.secret, badBody);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("visitedAt");
  });

  it("answers 404 for an unknown path and 405 with Allow for another method", async () => {
    const key = await newKey();
    expect((await call("/api/v1/nope", key.secret, {})).status).toBe(404);
    const wrong = await call("/api/v1/visits", key.secret, {}, { method: "GET" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
  });
});
