import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";

export { sandboxControl, startSandboxProcess } from "@/sandbox/testing/sandbox-process";

/** The database URL of a launcher instance's embedded Postgres (from its data directory's secrets). */
export function embeddedDbUrl(dataDir: string, port: number) {
  const { postgresPassword } = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  return `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/cafe`;
}

export async function withDb<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Turns quiet hours off on an instance whose tests are not about them, so they pass at any hour of the day. */
export async function quietHoursOff(url: string) {
  await withDb(url, (db) =>
    db.query(`insert into restaurant_settings (id, quiet_hours_start, quiet_hours_end) values (1, '00:00', '00:00')
      on conflict (id) do update set quiet_hours_start = '00:00', quiet_hours_end = '00:00'`),
  );
}

/** A campaign written straight into the database (as compose would), n recipients, queued to send now. */
export async function seedQueuedCampaign(
  url: string,
  provider: "cpsms" | "smsapp",
  n: number,
  options: { scheduledAt?: Date } = {},
) {
  return withDb(url, async (db) => {
    const scheduledVia = options.scheduledAt ? (provider === "cpsms" ? "provider" : "queue") : null;
    const { rows } = await db.query(
      `insert into campaigns (name, provider, body, status, recipient_count, scheduled_at, scheduled_via, approved_at)
       values ($1, $2, $3, $4, $5, $6, $7, now()) returning id`,
      [
        `E2E ${provider} ${n}`,
        provider,
        "Crash test promo",
        options.scheduledAt ? "scheduled" : "queued",
        n,
        options.scheduledAt ?? null,
        scheduledVia,
      ],
    );
    const id = rows[0].id as string;
    const prefix = provider === "cpsms" ? "+452" : "+92300";
    await db.query(
      `insert into campaign_messages (campaign_id, phone, body, segments, encoding)
       select $1, $2 || lpad((1000000 + g)::text, 7, '0'), 'Crash test promo', 1, 'GSM-7' from generate_series(0, $3 - 1) g`,
      [id, prefix, n],
    );
    return id;
  });
}

/** Hands a campaign to the instance's workers, exactly as the compose action does. */
export async function enqueueDispatch(url: string, campaignId: string, startAfter?: Date) {
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    await boss.send("campaign_dispatch", { campaignId }, startAfter ? { startAfter } : {});
  } finally {
    await boss.stop({ graceful: false, wait: false });
  }
}

export async function campaignStatus(url: string, id: string) {
  return withDb(url, async (db) => {
    const c = await db.query("select status from campaigns where id = $1", [id]);
    const m = await db.query(
      "select status, count(*)::int as n from campaign_messages where campaign_id = $1 group by status",
      [id],
    );
    return {
      status: c.rows[0]?.status as string,
      counts: Object.fromEntries(m.rows.map((r) => [r.status, r.n])) as Record<string, number>,
    };
  });
}
