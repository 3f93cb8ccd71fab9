import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "../../../sandbox/cpsms/server";
import { createCpsmsClient } from "./client";
import { createMemoryGetlogCache, GETLOG_MIN_INTERVAL_MS, type GetlogCache } from "./getlog";

let sandbox: CpsmsSandbox;
beforeAll(async () => {
  sandbox = await startCpsmsSandbox({ dlr: { delayMs: 1 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

const client = (cache?: GetlogCache) =>
  createCpsmsClient({
    baseUrl: sandbox.url,
    username: "sandbox",
    apiKey: "sandbox-cpsms-api-key",
    now: () => sandbox.state.now(),
    getlogCache: cache,
  });

describe("CPSMS getlog", () => {
  it("caches for two minutes and reports fetchedAt / nextRefreshAt", async () => {
    const c = client();
    await c.send({ to: "4520202020", text: "Hi", reference: "ref-1" });
    await sandbox.state.settle();
    const first = await c.getLog();
    expect(first.fromCache).toBe(false);
    expect(first.rows).toEqual([
      {
        to: "4520202020",
        from: "CafeRevenue",
        pointPrice: 1,
        smsAmount: 1,
        userReference: "ref-1",
        dlrStatus: 1,
        dlrStatusText: "Received",
        timeSent: expect.any(Date),
      },
    ]);
    expect(first.nextRefreshAt.getTime() - first.fetchedAt.getTime()).toBe(GETLOG_MIN_INTERVAL_MS);

    await c.send({ to: "4530303030", text: "Again" });
    await sandbox.state.advance(60_000);
    const second = await c.getLog();
    expect(second).toMatchObject({ fromCache: true, fetchedAt: first.fetchedAt });
    expect(second.rows).toHaveLength(1);
    expect(sandbox.state.requests({ path: "/getlog" })).toHaveLength(1);

    await sandbox.state.advance(GETLOG_MIN_INTERVAL_MS);
    const third = await c.getLog({ to: "+4530303030" });
    expect(third.fromCache).toBe(false);
    expect(third.rows.map((r) => r.to)).toEqual(["4530303030"]);
    expect(sandbox.state.requests({ path: "/getlog" })).toHaveLength(2);
  });

  it("filters locally by reference and time", async () => {
    const c = client();
    await c.send({ to: "4520202020", text: "A", reference: "a" });
    await c.send({ to: "4520202020", text: "B", reference: "b" });
    expect((await c.getLog({ reference: "b" })).rows).toHaveLength(1);
    expect((await c.getLog({ since: new Date(sandbox.state.now() + 3_600_000) })).rows).toHaveLength(0);
  });

  it("shares one fetch between instances through an injected cache", async () => {
    const cache = createMemoryGetlogCache();
    await client(cache).send({ to: "4520202020", text: "Hi" });
    const a = await client(cache).getLog();
    const b = await client(cache).getLog();
    expect(a.fromCache).toBe(false);
    expect(b.fromCache).toBe(true);
    expect(sandbox.state.requests({ path: "/getlog" })).toHaveLength(1);
  });

  it("collapses concurrent calls into one request", async () => {
    const c = client();
    await Promise.all([c.getLog(), c.getLog(), c.getLog()]);
    expect(sandbox.state.requests({ path: "/getlog" })).toHaveLength(1);
  });

  it("serves the stale copy when CPSMS refuses a refresh, else reports rate_limited", async () => {
    const cache = createMemoryGetlogCache();
    await client(cache).send({ to: "4520202020", text: "Hi" });
    await client(cache).getLog();
    // Someone else used the 2-minute slot after our cache expired.
    await sandbox.state.advance(GETLOG_MIN_INTERVAL_MS);
    await fetch(`${sandbox.url}/getlog`, {
      headers: { Authorization: `Basic ${Buffer.from("sandbox:sandbox-cpsms-api-key").toString("base64")}` },
    });
    const before = sandbox.state.now();
    const stale = await client(cache).getLog();
    expect(stale).toMatchObject({ fromCache: true, stale: true });
    expect(stale.rows).toHaveLength(1);
    expect(stale.nextRefreshAt.getTime()).toBeGreaterThanOrEqual(before + GETLOG_MIN_INTERVAL_MS);
    expect(stale.nextRefreshAt.getTime()).toBeLessThanOrEqual(sandbox.state.now() + GETLOG_MIN_INTERVAL_MS);
    // The next call inside the new window does not ask CPSMS again.
    await client(cache).getLog();
    expect(sandbox.state.requests({ path: "/getlog" })).toHaveLength(3);

    const error = await client()
      .getLog()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", httpStatus: 406 });
  });

  it("ignores a corrupted cache entry", async () => {
    const cache = createMemoryGetlogCache();
    await cache.set("cpsms:getlog:sandbox", { rows: "nope" });
    await expect(client(cache).getLog()).resolves.toMatchObject({ fromCache: false, rows: [] });
  });
});
