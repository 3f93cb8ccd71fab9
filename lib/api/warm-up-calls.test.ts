import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiIdempotency, visits } from "@/drizzle/schema";
import { normalizePhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import type { DirectRoute } from "@/lib/runtime/direct-routes";
import { warmUpDirectRoutes } from "@/lib/runtime/warm-up";
import { apiDirectRoute } from "./direct-route";
import { apiWarmUp } from "./warm-up-calls";

describe("the API's warm-up", () => {
  it("runs POST /api/v1/visits through its checks and its database statement, and records nothing", async () => {
    const statuses: number[] = [];
    const route: DirectRoute = {
      ...apiDirectRoute,
      warmUp: { ...apiWarmUp, calls: 150 },
      async answer(request) {
        const answer = await apiDirectRoute.answer(request);
        statuses.push(answer.status);
        return answer;
      },
    };
    await warmUpDirectRoutes({ "/api/v1/visits": route });
    // Every call got as far as the key check, which needs the database: a key nobody has.
    expect(statuses).toHaveLength(150);
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(await getDb().select().from(visits).where(like(visits.externalId, "warm-up-%"))).toEqual([]);
    expect(await getDb().select().from(apiIdempotency).where(like(apiIdempotency.idempotencyKey, "warm-up-%"))).toEqual(
      [],
    );
  });

  it("sends well-formed visits, so the checks run their usual path, not an early refusal", () => {
    const first = apiWarmUp.request(0);
    expect(first).toMatchObject({ method: "POST", path: "/api/v1/visits" });
    expect(first.headers.authorization).toMatch(/^Bearer cdr_[A-Za-z0-9_-]{43}$/);
    for (const i of [0, 1, 2, apiWarmUp.calls - 3, apiWarmUp.calls - 2, apiWarmUp.calls - 1]) {
      const body = JSON.parse(apiWarmUp.request(i).body) as { guest: { phone: string } };
      expect(normalizePhone(body.guest.phone, "DK")).toMatchObject({ ok: true });
    }
  });
});
