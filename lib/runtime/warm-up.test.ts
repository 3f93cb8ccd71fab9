import { describe, expect, it } from "vitest";
import type { DirectRoute, DirectRoutes, WarmUp } from "./direct-routes";
import { warmUpDirectRoutes } from "./warm-up";

/** A route that records what reached it over HTTP and answers `status` (or never, when null). */
function recordingRoute(warmUp: Omit<WarmUp, "request">, status: number | null) {
  const seen: { method: string; path: string; body: string; key: string | undefined }[] = [];
  const route: DirectRoute = {
    methods: ["POST"],
    maxBodyBytes: 1000,
    async answer({ method, path, body, headers }) {
      seen.push({ method, path, body, key: headers["x-key"] as string | undefined });
      if (status === null) return new Promise(() => {});
      return { status, body: {} };
    },
    warmUp: {
      ...warmUp,
      request: (i) => ({ method: "POST", path: "/a", headers: { "x-key": `k${i}` }, body: `call ${i}` }),
    },
  };
  return { route, seen };
}

describe("warming up the direct routes", () => {
  it("makes each route's calls over HTTP, once per route however many paths share it", async () => {
    const { route, seen } = recordingRoute({ calls: 90, expectStatus: 401 }, 401);
    const routes: DirectRoutes = { "/a": route, "/b": route, "/c": { ...route, warmUp: undefined } };
    await warmUpDirectRoutes(routes);
    expect(seen).toHaveLength(90);
    expect(new Set(seen.map((s) => s.body)).size).toBe(90);
    expect(seen[0]).toEqual({ method: "POST", path: "/a", body: "call 0", key: "k0" });
  });

  it("serves only the routes being warmed on its private port", async () => {
    const other = recordingRoute({ calls: 0, expectStatus: 401 }, 401);
    const { route } = recordingRoute({ calls: 5, expectStatus: 401 }, 401);
    // The warmed route's calls go to /a, which here is a route without a warm-up: not served, so 404 stops it.
    await warmUpDirectRoutes({ "/a": { ...other.route, warmUp: undefined }, "/b": route });
    expect(other.seen).toEqual([]);
  });

  it("stops at the first answer it did not expect, so a call that could change something is not repeated", async () => {
    const { route, seen } = recordingRoute({ calls: 1000, expectStatus: 401 }, 201);
    await warmUpDirectRoutes({ "/a": route });
    // Only the calls already in flight when the first 201 came back.
    expect(seen.length).toBeLessThanOrEqual(40);
  });

  it("gives up at its deadline when a call never ends, and the server opens anyway", async () => {
    const { route, seen } = recordingRoute({ calls: 1000, expectStatus: 401 }, null);
    const started = Date.now();
    await warmUpDirectRoutes({ "/a": route }, { deadlineMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(seen.length).toBeLessThanOrEqual(40);
  });

  it("does nothing without a route to warm", async () => {
    await expect(warmUpDirectRoutes({})).resolves.toBeUndefined();
  });
});
