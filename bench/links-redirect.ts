import { performance } from "node:perf_hooks";
import { withDb } from "@/e2e/support/instance";
import { startAppInstance } from "./app-instance";
import { percentile, serverTimeMs } from "./measure";
import type { Bench } from "./types";

const PORT = 5450; // app; +1 Postgres, +2/+3 sandboxes
const RECIPIENTS = 200;
/** Of the 200 concurrent clients, this many open a link a second time (another tap, a reload). */
const TWICE = 20;
/** And this many are a link previewer's crawler (counted, as a bot). */
const BOTS = 10;
const WARM_UP = 40;
const BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile";
const BOT = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";

/**
 * A promotion's guests opening their short links at once: a production instance started like `npm start`, a
 * sent campaign of 200 recipients with one short link each, then 200 concurrent GET /l/<code> (170 guests once,
 * 20 of them again, 10 crawler requests), each answered by a 302 after its click row is written. Value: p95 of
 * the server time (Server-Timing: the request's arrival to its answer). `lost`: requests answered without a
 * click row; `double_counted`: click rows beyond the requests. Both must be 0.
 */
export const linksRedirectBench: Bench = {
  names: ["links.redirect"],
  async run(report) {
    const step = (m: string) => process.stderr.write(`links.redirect: ${m}\n`);
    step("starting a production instance");
    // BENCH_CPU_PROF_DIR=/tmp/prof: a CPU profile of each app process (launcher and web workers) to read after.
    const profDir = process.env.BENCH_CPU_PROF_DIR;
    const app = await startAppInstance(PORT, {
      sandboxesInOwnProcess: true,
      sandboxNiceness: 19,
      nodeArgs: profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : undefined,
    });
    try {
      const codes = Array.from({ length: RECIPIENTS + WARM_UP }, (_, i) => `b${String(i).padStart(7, "0")}`);
      await withDb(app.dbUrl, async (db) => {
        const { rows } = await db.query<{ id: string }>(
          `insert into campaigns (name, provider, body, category, status, recipient_count, track_links, approved_at)
            values ('Bench promo', 'cpsms', 'Menu: https://rose.example/menu', 'marketing', 'completed', $1, true, now())
            returning id`,
          [codes.length],
        );
        const id = rows[0]!.id;
        const phones = codes.map((_, i) => `+452${String(5_000_000 + i).padStart(7, "0")}`);
        await db.query(
          `insert into campaign_messages (campaign_id, phone, body, segments, encoding, status, sent_at)
            select $1, p, 'Menu: http://x/l/' || c, 1, 'GSM-7', 'delivered', now() - interval '1 hour'
            from unnest($2::text[], $3::text[]) as t(p, c)`,
          [id, phones, codes],
        );
        await db.query(
          `insert into tracked_links (code, campaign_id, phone, url, expires_at)
            select c, $1, p, 'https://rose.example/menu?guest=' || c, now() + interval '180 days'
            from unnest($2::text[], $3::text[]) as t(p, c)`,
          [id, phones, codes],
        );
      });
      const open = async (code: string, ua: string) => {
        const start = performance.now();
        const res = await fetch(`${app.baseURL}/l/${code}`, { redirect: "manual", headers: { "user-agent": ua } });
        await res.arrayBuffer();
        return {
          ms: serverTimeMs(res),
          roundTrip: performance.now() - start,
          status: res.status,
          location: res.headers.get("location"),
          code,
        };
      };

      step(`warming up with ${WARM_UP} requests`);
      await Promise.all(codes.slice(RECIPIENTS).map((c) => open(c, BROWSER)));
      // The page for a bad code, once per web process (its catalogue and the restaurant's name load then).
      await Promise.all(Array.from({ length: 10 }, () => open("-", BROWSER)));

      // The floor of this harness on this machine: 200 concurrent requests for a malformed code, the same route
      // and page path without the database. What the clicks take beyond it is the recording.
      const floor = (await Promise.all(Array.from({ length: RECIPIENTS }, () => open("-", BROWSER))))
        .map((r) => r.ms)
        .sort((a, b) => a - b);

      const guests = codes.slice(0, RECIPIENTS - TWICE - BOTS);
      const requests = [
        ...guests.map((c) => ({ code: c, ua: BROWSER })),
        ...guests.slice(0, TWICE).map((c) => ({ code: c, ua: BROWSER })),
        ...codes.slice(RECIPIENTS - BOTS, RECIPIENTS).map((c) => ({ code: c, ua: BOT })),
      ];
      step(`${requests.length} requests at once (${TWICE} second taps, ${BOTS} crawlers)`);
      const began = performance.now();
      const results = await Promise.all(requests.map((r) => open(r.code, r.ua)));
      const wallMs = performance.now() - began;

      const benchCodes = [...new Set(requests.map((r) => r.code))];
      const perCode = await withDb(app.dbUrl, async (db) => {
        const { rows } = await db.query<{ code: string; n: number; bots: number }>(
          `select code, count(*)::int as n, count(*) filter (where bot)::int as bots
            from link_clicks where code = any($1::text[]) group by code`,
          [benchCodes],
        );
        return new Map(rows.map((r) => [r.code, r]));
      });
      const asked = new Map<string, number>();
      for (const r of requests) asked.set(r.code, (asked.get(r.code) ?? 0) + 1);
      let lost = 0;
      let doubleCounted = 0;
      for (const [code, n] of asked) {
        const rows = perCode.get(code)?.n ?? 0;
        lost += Math.max(0, n - rows);
        doubleCounted += Math.max(0, rows - n);
      }
      const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
      const roundTrips = results.map((r) => r.roundTrip).sort((a, b) => a - b);
      report({
        bench: "links.redirect",
        value: Math.round(percentile(sorted, 95) * 10) / 10,
        unit: "ms",
        target: 20,
        p50: Math.round(percentile(sorted, 50) * 10) / 10,
        max: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
        roundTripP95: Math.round(percentile(roundTrips, 95)),
        floorP95: Math.round(percentile(floor, 95) * 10) / 10,
        requests: requests.length,
        redirected: results.filter((r) => r.status === 302 && r.location?.endsWith(r.code)).length,
        lost,
        double_counted: doubleCounted,
        botsCounted: [...perCode.values()].reduce((n, r) => n + r.bots, 0),
        wallMs: Math.round(wallMs),
        webProcesses: app.webProcesses,
        measured: "server time (Server-Timing: the request's arrival to its 302, the click row written before it)",
      });
    } finally {
      await app.stop();
    }
  },
};
