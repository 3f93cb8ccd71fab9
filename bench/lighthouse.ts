import fs from "node:fs";
import { withDb } from "@/e2e/support/instance";
import { type AppInstance, startAppInstance } from "./app-instance";
import type { Bench, BenchResult } from "./types";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const PAGES = [
  { name: "sign-in", path: "/sign-in", signedIn: false },
  { name: "dashboard", path: "/", signedIn: true },
  { name: "compose", path: "/compose", signedIn: true },
  { name: "history", path: "/history", signedIn: true },
] as const;
const PORT = 5410; // app; +1 Postgres, +2/+3 sandboxes
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const THROTTLING = "desktop preset, throttling disabled (measured on a loaded 2-core machine)";

/** Some history for the dashboard and history pages to show: 3 finished campaigns, 600 messages. */
async function seed(app: AppInstance) {
  await withDb(app.dbUrl, async (db) => {
    for (const [i, provider] of (["cpsms", "smsapp", "cpsms"] as const).entries()) {
      const { rows } = await db.query(
        `insert into campaigns (name, provider, body, status, recipient_count, approved_at, created_at, started_at, finished_at)
         values ($1, $2, 'Friday jazz night, 2 for 1 cocktails', 'completed', 200, now(), now() - $3 * interval '1 day', now() - $3 * interval '1 day', now() - $3 * interval '1 day')
         returning id`,
        [`Lighthouse ${i + 1}`, provider, i + 1],
      );
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
}

/**
 * Lighthouse (desktop preset, no throttling) in Debian's Chromium against a production instance: the sign-in
 * page, and the dashboard, compose and history signed in as the owner (the session cookie via extraHeaders).
 */
export const lighthouseBench: Bench = {
  names: PAGES.flatMap((p) => CATEGORIES.map((c) => `lighthouse.${p.name}.${c}`)),
  async run(report: (r: BenchResult) => void) {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    const { default: lighthouse } = await import("lighthouse");
    const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
    const chromeLauncher = await import("chrome-launcher");

    const app = await startAppInstance(PORT);
    let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
    try {
      await seed(app);
      const cookie = await app.signIn();
      chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
      });
      for (const page of PAGES) {
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
    } finally {
      await chrome?.kill();
      await app.stop();
    }
  },
};
