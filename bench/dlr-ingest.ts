import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/cpsms/route";
import { claimBatch } from "@/lib/campaigns/claim-batch";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { deliveryReportUrl } from "@/lib/campaigns/delivery-url";
import { getDb } from "@/lib/db";
import { round } from "./measure";
import type { Bench } from "./types";

const MESSAGES = 5000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POST with an empty body over a kept-alive connection; resolves with the status once the body is read. */
function post(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-length": "0" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}
const CONCURRENCY = 50;

/**
 * The CPSMS delivery-report route handler (app/api/webhooks/cpsms/route.ts, its exported POST, unchanged)
 * behind a plain node HTTP server, fired at over real HTTP with signed callbacks, 50 at a time.
 */
function startServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const response = await POST(new Request(`http://127.0.0.1${req.url}`, { method: req.method }));
      res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
      res.end(await response.text());
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  server.keepAliveTimeout = 10_000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

export const dlrIngestBench: Bench = {
  names: ["dlr.ingest"],
  async run(report) {
    const db = getDb();
    const [owner] = (
      await db.execute<{ id: string }>(sql`insert into users (email, name, role, password_hash)
      values ('dlr-bench@cafe.test', 'DLR bench', 'owner', 'x') on conflict (email) do update set name = excluded.name returning id`)
    ).rows;
    const phones = Array.from({ length: MESSAGES }, (_, i) => `+452${String(5_000_000 + i).padStart(7, "0")}`);
    const campaign = await createCampaign(db, owner!, {
      name: "DLR bench",
      provider: "cpsms",
      sender: null,
      template: "Tonight: two courses for one",
      category: "marketing",
      optOutFooter: false,
      recipients: phones.map((phone) => ({ phone, contactId: null, body: "Tonight: two courses for one" })),
      scheduledAt: null,
      expireAfterMinutes: null,
      approved: true,
    });
    // As dispatch leaves them: claimed (one reference per CPSMS request of 100), then accepted by CPSMS.
    const claimed = [];
    for (let i = 0; i < MESSAGES / 100; i++) claimed.push(...(await claimBatch(db, campaign.id, 100)));
    await db.execute(
      sql`update campaign_messages set status = 'accepted', sent_at = now(), cost = 1 where campaign_id = ${campaign.id}`,
    );

    const server = await startServer();
    const urls = claimed.map((m) => {
      const url = new URL(deliveryReportUrl(m.reference!, "sandbox")!);
      return `${server.origin}${url.pathname}${url.search}&status=1&receiver=${m.phone.slice(1)}`;
    });
    let next = 0;
    let failedResponses = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < urls.length) {
          const url = urls[next++]!;
          if ((await post(url)) !== 200) failedResponses++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    await server.close();

    const [counts] = (
      await db.execute<{ delivered: number; lost: number; double_counted: number }>(sql`
        select count(*) filter (where m.status = 'delivered')::int as delivered,
               count(*) filter (where m.status <> 'delivered')::int as lost,
               coalesce(sum(e.n - 1) filter (where e.n > 1), 0)::int as double_counted
        from campaign_messages m
        left join (select message_id, count(*)::int as n from message_events where status = 'delivered' and source = 'dlr' group by message_id) e
          on e.message_id = m.id
        where m.campaign_id = ${campaign.id}`)
    ).rows;
    report({
      bench: "dlr.ingest",
      value: round(urls.length / seconds, 0),
      unit: "per_s",
      lost: counts!.lost,
      double_counted: counts!.double_counted,
      callbacks: urls.length,
      concurrency: CONCURRENCY,
      non_200: failedResponses,
      seconds: round(seconds, 2),
    });
  },
};
