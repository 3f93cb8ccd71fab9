import fs from "node:fs";
import { withDb } from "@/e2e/support/instance";
import { type AppInstance, startAppInstance } from "./app-instance";
import type { Bench, BenchResult } from "./types";

type Result = import("lighthouse").Result;

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const PAGES = [
  { name: "sign-in", path: "/sign-in", signedIn: false },
  { name: "dashboard", path: "/", signedIn: true },
  { name: "compose", path: "/compose", signedIn: true },
  { name: "history", path: "/history", signedIn: true },
] as const;
/**
 * With Lighthouse's mobile defaults (simulated slow 4G, 4x CPU slowdown), the way staff use the dashboard: on a
 * phone between services. `campaign` is one campaign's page (its id is filled in once seeded).
 */
const MOBILE_PAGES = [
  ...PAGES,
  { name: "campaigns", path: "/campaigns", signedIn: true },
  { name: "contacts", path: "/contacts", signedIn: true },
  { name: "campaign", path: "/campaigns/:id", signedIn: true },
] as const;
const PORT = 5410; // app; +1 Postgres, +2/+3 sandboxes
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const THROTTLING = "desktop preset, throttling disabled (measured on a loaded 2-core machine)";
const MOBILE_THROTTLING = "Lighthouse mobile defaults (simulated slow 4G, 4x CPU slowdown)";
/**
 * Mobile runs per page; the line reports the run with the median score, as Lighthouse's own guidance on
 * variability advises (and Lighthouse CI does, with 3). One run's simulated LCP swings by a second with the order
 * in which the real, unthrottled load happened to paint and run scripts (see observedLcpMs).
 */
const MOBILE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** Some history for the dashboard and history pages to show: 3 finished campaigns, 600 messages; the first's id. */
async function seed(app: AppInstance): Promise<string> {
  const ids: string[] = [];
  await withDb(app.dbUrl, async (db) => {
    for (const [i, provider] of (["cpsms", "smsapp", "cpsms"] as const).entries()) {
      const { rows } = await db.query(
        `insert into campaigns (name, provider, body, status, recipient_count, approved_at, created_at, started_at, finished_at)
         values ($1, $2, 'Friday jazz night, 2 for 1 cocktails', 'completed', 200, now(), now() - $3 * interval '1 day', now() - $3 * interval '1 day', now() - $3 * interval '1 day')
         returning id`,
        [`Lighthouse ${i + 1}`, provider, i + 1],
      );
      ids.push(rows[0].id);
      await db.query(
        `insert into campaign_messages (campaign_id, phone, body, segments, encoding, status, cost, sent_at, delivered_at, status_changed_at)
         select $1, $2 || lpad((2000000 + $3 * 1000 + g)::text, 7, '0'), 'Friday jazz night, 2 for 1 cocktails', 1, 'GSM-7',
           case when g % 12 = 0 then 'undelivered' else 'delivered' end, 1,
           now() - $3 * interval '1 day', now() - $3 * interval '1 day', now() - $3 * interval '1 day'
         from generate_series(1, 200) g`,
        [rows[0].id, provider === "cpsms" ? "+452" : "+92300", i],
      );
    }
  });
  return ids[0]!;
}

type ResourceItem = { resourceType: string; transferSize: number; requestCount: number };

/**
 * Lighthouse in Debian's Chromium against a production instance: the desktop preset without throttling for the
 * sign-in page, and the dashboard, compose and history signed in as the owner (the session cookie via
 * extraHeaders); then Lighthouse's mobile defaults for those and the campaigns, contacts and a campaign's page.
 */
export const lighthouseBench: Bench = {
  names: [
    ...PAGES.flatMap((p) => CATEGORIES.map((c) => `lighthouse.${p.name}.${c}`)),
    ...MOBILE_PAGES.map((p) => `lighthouse.mobile.${p.name}.performance`),
  ],
  async run(report: (r: BenchResult) => void, prefixes) {
    // Each page is a separate Lighthouse run: only those a prefix asks for (`npm run bench -- lighthouse.mobile.compose`).
    const wanted = (name: string) => prefixes.length === 0 || prefixes.some((p) => name.startsWith(p));
    const pages = PAGES.filter((p) => CATEGORIES.some((c) => wanted(`lighthouse.${p.name}.${c}`)));
    const mobilePages = MOBILE_PAGES.filter((p) => wanted(`lighthouse.mobile.${p.name}.performance`));
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    const { default: lighthouse } = await import("lighthouse");
    const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
    const chromeLauncher = await import("chrome-launcher");

    const app = await startAppInstance(PORT);
    let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
    try {
      const campaignId = await seed(app);
      const cookie = await app.signIn();
      chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
      });
      for (const page of pages) {
        const url = `${app.baseURL}${page.path}`;
        const headers: Record<string, string> = page.signedIn ? { cookie } : {};
        // Warm the server (first render of a route loads its code) so the score is about the page, not the start.
        for (let i = 0; i < 2; i++) await fetch(url, { headers }).then((r) => r.text());
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
            ...(page.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
          },
          {
            ...desktopConfig,
            settings: {
              ...desktopConfig.settings,
              onlyCategories: [...CATEGORIES],
              throttlingMethod: "provided",
              throttling: {
                rttMs: 0,
                throughputKbps: 0,
                cpuSlowdownMultiplier: 1,
                requestLatencyMs: 0,
                downloadThroughputKbps: 0,
                uploadThroughputKbps: 0,
              },
            },
          },
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
        if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== page.path) {
          throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl} (not signed in?)`);
        }
        for (const category of CATEGORIES) {
          const cat = lhr.categories[category];
          const failing = (cat?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
            .map(
              (ref) => `${ref.id}${lhr.audits[ref.id]?.displayValue ? ` (${lhr.audits[ref.id]!.displayValue})` : ""}`,
            );
          report({
            bench: `lighthouse.${page.name}.${category}`,
            value: cat?.score ?? 0,
            unit: "score",
            url: page.path,
            throttling: THROTTLING,
            ...(category === "performance"
              ? {
                  fcpMs: Math.round(lhr.audits["first-contentful-paint"]?.numericValue ?? 0),
                  lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
                  tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
                  cls: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
                }
              : {}),
            ...(failing.length ? { below90: failing } : {}),
            ...(category === "best-practices" && (lhr.audits["errors-in-console"]?.score ?? 1) < 1
              ? {
                  consoleErrors: (
                    (lhr.audits["errors-in-console"]?.details as { items?: { description?: string; url?: string }[] })
                      ?.items ?? []
                  ).map((item) => `${item.description ?? ""} ${item.url ?? ""}`.trim().slice(0, 200)),
                }
              : {}),
          });
        }
      }
      // The same pages and more with Lighthouse's own mobile defaults (no config: simulated throttling).
      for (const page of mobilePages) {
        const path = page.path.replace(":id", campaignId);
        const url = `${app.baseURL}${path}`;
        const headers: Record<string, string> = page.signedIn ? { cookie } : {};
        for (let i = 0; i < 2; i++) await fetch(url, { headers }).then((r) => r.text());
        const runs: Result[] = [];
        for (let run = 0; run < MOBILE_RUNS; run++) {
          const result = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            ...(page.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
          });
          const lhr = result?.lhr;
          if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
          if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== path) {
            throw new Error(`${path} ended at ${lhr.finalDisplayedUrl} (not signed in?)`);
          }
          runs.push(lhr);
        }
        const score = (r: Result) => r.categories.performance?.score ?? 0;
        const lhr = [...runs].sort((a, b) => score(a) - score(b))[Math.floor(runs.length / 2)]!;
        if (process.env.LIGHTHOUSE_LHR_DIR) {
          // LIGHTHOUSE_LHR_DIR=/tmp/lhr keeps each mobile report, to read its audits (LCP element and phases,
          // bootup time, unused JavaScript, network requests).
          fs.mkdirSync(process.env.LIGHTHOUSE_LHR_DIR, { recursive: true });
          fs.writeFileSync(`${process.env.LIGHTHOUSE_LHR_DIR}/mobile-${page.name}.json`, JSON.stringify(lhr));
        }
        const resources = (lhr.audits["resource-summary"]?.details as { items?: ResourceItem[] } | undefined)?.items;
        const script = resources?.find((r) => r.resourceType === "script");
        report({
          bench: `lighthouse.mobile.${page.name}.performance`,
          value: score(lhr),
          unit: "score",
          url: path,
          throttling: MOBILE_THROTTLING,
          // Every run's score and simulated LCP, in run order; the line's figures are the median run's.
          runs: runs.map(score),
          lcpRunsMs: runs.map((r) => Math.round(r.audits["largest-contentful-paint"]?.numericValue ?? 0)),
          fcpMs: Math.round(lhr.audits["first-contentful-paint"]?.numericValue ?? 0),
          lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
          tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
          cls: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
          // When the largest paint came in the real (unthrottled) load: the simulation counts every request finished
          // by then, so a late one (the machine busy, or content revealed after its loading state) counts all the
          // page's JavaScript into the simulated LCP. It explains most of the run-to-run spread.
          observedLcpMs: Math.round(
            (lhr.audits.metrics?.details as { items?: { observedLargestContentfulPaint?: number }[] } | undefined)
              ?.items?.[0]?.observedLargestContentfulPaint ?? 0,
          ),
          // The JavaScript the page ships, compressed as sent.
          jsKb: script ? Math.round(script.transferSize / 1024) : null,
          jsRequests: script?.requestCount ?? null,
        });
      }
    } finally {
      await chrome?.kill();
      await app.stop();
    }
  },
};
