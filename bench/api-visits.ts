import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { withDb } from "@/e2e/support/instance";
import { newApiKey } from "@/lib/api/key-secret";
import { setRuntimeEnv } from "@/lib/env";
import { startAppInstance } from "./app-instance";
import { percentile, serverTimeMs, withProcessNiceness } from "./measure";
import type { Bench } from "./types";

const PORT = 5440; // app; +1 Postgres, +2/+3 sandboxes
const CALLS = 200;
/** Of the 200 concurrent calls, this many are a till's retries of another call (same Idempotency-Key and body). */
const RETRIES = 20;
const WARM_UP = 40;
const CLIENT_NICENESS = Number(process.env.BENCH_CLIENT_NICENESS ?? 19);
/** The instance's ENCRYPTION_KEY, so the bench can make an API key's hash as Settings > API keys would. */
const ENCRYPTION_KEY = "bench-encryption-key-0123456789abcdefghij";

/**
 * 200 POST /api/v1/visits at the same moment (a till's backlog flushed after a network outage), against a
 * production instance started like `npm start`: 180 distinct visits of 180 guests, each with its own
 * Idempotency-Key and receipt number, and 20 retries of some of them sent alongside (same key and body, as a
 * till that timed out sends again). Server time per call: from the request to the answer's last byte, on
 * loopback. Then: every distinct visit recorded once (`lost`, `duplicates`), every retry answered with the
 * first call's visit, and 20 later retries replayed.
 */
export const apiVisitsBench: Bench = {
  names: ["api.visits"],
  async run(report) {
    const step = (m: string) => process.stderr.write(`api.visits: ${m}\n`);
    step("starting a production instance");
    // BENCH_CPU_PROF_DIR=/tmp/prof: a CPU profile of each app process (launcher and web workers) to read after.
    const profDir = process.env.BENCH_CPU_PROF_DIR;
    const app = await startAppInstance(PORT, {
      extraEnv: { ENCRYPTION_KEY },
      nodeArgs: profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : undefined,
      sandboxesInOwnProcess: true,
      sandboxNiceness: 19,
    });
    try {
      setRuntimeEnv({ ENCRYPTION_KEY });
      const key = newApiKey();
      const distinct = CALLS - RETRIES;
      const phone = (i: number) => `+452${String(8_000_000 + i).padStart(7, "0")}`;
      await withDb(app.dbUrl, async (db) => {
        await db.query(
          `insert into api_keys (name, prefix, secret_hash, scopes) values ('bench till', $1, $2, '{visits:write}')`,
          [key.prefix, key.hash],
        );
        await db.query(
          `insert into contacts (phone, first_name, opt_out_token)
            select p, 'Guest', md5(p) from unnest($1::text[]) as p on conflict (phone) do nothing`,
          [Array.from({ length: distinct + WARM_UP }, (_, i) => phone(i))],
        );
      });
      const run = randomUUID().slice(0, 8);
      const visit = (i: number) => ({
        idempotencyKey: `${run}-${i}`,
        body: JSON.stringify({
          guest: { phone: phone(i) },
          visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
          partySize: 1 + (i % 6),
          spend: { amount: `${100 + i}.50`, currency: "DKK" },
          externalId: `${run}-R${i}`,
        }),
      });
      const post = async (call: { idempotencyKey: string; body: string }) => {
        const start = performance.now();
        const res = await fetch(`${app.baseURL}/api/v1/visits`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${key.secret}`,
            "content-type": "application/json",
            "idempotency-key": call.idempotencyKey,
          },
          body: call.body,
        });
        const answer = (await res.json()) as { id?: string };
        const roundTrip = performance.now() - start;
        const server = serverTimeMs(res); // from the request's arrival to its answer
        return { ms: server, roundTrip, status: res.status, id: answer.id ?? null };
      };

      const calls = Array.from({ length: distinct }, (_, i) => visit(i));
      // The retries go out among the first calls, as a till's would: same key, same body.
      const retried = Array.from({ length: RETRIES }, (_, i) => i * Math.floor(distinct / RETRIES));
      const all = [...calls, ...retried.map((i) => calls[i]!)];

      // The tills calling us don't run on our server: like the provider sandboxes, this process (the 200
      // clients, every thread of it) runs at the lowest priority while it calls, so what it spends on its own
      // fetches isn't taken from the server being measured. It still sends every request;
      // BENCH_CLIENT_NICENESS=0 measures at equal priority.
      const { results, later, floor, floorServer, wallMs } = await withProcessNiceness(CLIENT_NICENESS, async () => {
        step(`warming up with ${WARM_UP} calls`);
        // Together, as a till system's calls come in on a busy evening: each web process's connections are open.
        await Promise.all(Array.from({ length: WARM_UP }, (_, i) => post(visit(distinct + i))));

        // The floor of this harness on this machine: 200 concurrent GETs of the OpenAPI document (no key, no
        // database), through the same server and client. What the visits take beyond it is the API's own work.
        const floorCalls = await Promise.all(
          Array.from({ length: CALLS }, async () => {
            const start = performance.now();
            const res = await fetch(`${app.baseURL}/api/v1/openapi.json`);
            await res.arrayBuffer();
            return { roundTrip: performance.now() - start, server: serverTimeMs(res) };
          }),
        );
        const floor = floorCalls.map((c) => c.roundTrip).sort((a, b) => a - b);
        const floorServer = floorCalls.map((c) => c.server).sort((a, b) => a - b);

        step(`${all.length} calls at once (${RETRIES} of them retries)`);
        const began = performance.now();
        const results = await Promise.all(all.map(post));
        const wallMs = performance.now() - began;
        step(`${RETRIES} more retries after the burst`);
        const later = await Promise.all(retried.map((i) => post(calls[i]!)));
        return { results, later, floor, floorServer, wallMs };
      });

      const counts = await withDb(app.dbUrl, async (db) => {
        const { rows } = await db.query<{ recorded: number; rows: number }>(
          `select count(distinct external_id)::int as recorded, count(*)::int as rows
            from visits where source = 'api' and external_id = any($1::text[])`,
          [Array.from({ length: distinct }, (_, i) => `${run}-R${i}`)],
        );
        return rows[0]!;
      });
      const firstIds = results.slice(0, distinct).map((r) => r.id);
      const retryAnswers = [...results.slice(distinct), ...later];
      const retriesAgreeing = retryAnswers.filter(
        (r, n) => r.id !== null && r.id === firstIds[retried[n % RETRIES]!],
      ).length;
      const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
      const roundTrips = results.map((r) => r.roundTrip).sort((a, b) => a - b);
      report({
        bench: "api.visits",
        value: Math.round(percentile(sorted, 95)),
        unit: "ms",
        target: 50,
        p50: Math.round(percentile(sorted, 50)),
        max: Math.round(sorted.at(-1) ?? 0),
        roundTripP95: Math.round(percentile(roundTrips, 95)),
        floorP95: Math.round(percentile(floor, 95)),
        floorServerP95: Math.round(percentile(floorServer, 95)),
        calls: all.length,
        retries: RETRIES,
        wallMs: Math.round(wallMs),
        answered: results.filter((r) => r.status === 201).length,
        lost: distinct - counts.recorded,
        duplicates: counts.rows - counts.recorded,
        retriesAnsweredWithFirstVisit: `${retriesAgreeing}/${retryAnswers.length}`,
        webProcesses: app.webProcesses,
        measured:
          "server time (Server-Timing: the request's arrival to its answer); roundTripP95 and floorP95 (a GET of the OpenAPI document): the client's view on loopback; floorServerP95: that GET's server time",
      });
    } finally {
      await app.stop();
    }
  },
};
