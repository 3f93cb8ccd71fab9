import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";

/** `npm run sandbox` as its own process, so the provider emulators outlive app crashes (as real ones would). */
export function startSandboxProcess(ports: { cpsms: number; smsapp: number }) {
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/sandbox.ts"], {
    env: {
      ...process.env,
      CPSMS_SANDBOX_PORT: String(ports.cpsms),
      SMSAPP_SANDBOX_PORT: String(ports.smsapp),
      SANDBOX_DELIVERY_DELAY_MS: "3600000",
      LOG_LEVEL: "warn",
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  return {
    child,
    async ready() {
      for (let i = 0; i < 100 && !output.includes("Handsets and controls"); i++) await new Promise((r) => setTimeout(r, 100));
      if (!output.includes("Handsets and controls")) throw new Error(`sandbox did not start:\n${output}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The control API of a sandbox on a port. */
export function sandboxControl(port: number) {
  const base = `http://127.0.0.1:${port}/_sandbox`;
  return {
    async handsets(): Promise<Record<string, unknown[]>> {
      return ((await (await fetch(`${base}/handsets`)).json()) as { handsets: Record<string, unknown[]> }).handsets;
    },
    async fault(rule: object) {
      await fetch(`${base}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(rule) });
    },
    async setBalance(balance: number) {
      await fetch(`${base}/balance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ balance }) });
    },
    async clearFaults() {
      await fetch(`${base}/faults`, { method: "DELETE" });
    },
  };
}

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

/** A campaign written straight into the database (as compose would), n recipients, queued to send now. */
export async function seedQueuedCampaign(url: string, provider: "cpsms" | "smsapp", n: number, options: { scheduledAt?: Date } = {}) {
  return withDb(url, async (db) => {
    const scheduledVia = options.scheduledAt ? (provider === "cpsms" ? "provider" : "queue") : null;
    const { rows } = await db.query(
      `insert into campaigns (name, provider, body, status, recipient_count, scheduled_at, scheduled_via, approved_at)
       values ($1, $2, $3, $4, $5, $6, $7, now()) returning id`,
      [`E2E ${provider} ${n}`, provider, "Crash test promo", options.scheduledAt ? "scheduled" : "queued", n, options.scheduledAt ?? null, scheduledVia],
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
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false, migrate: false });
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
    const m = await db.query("select status, count(*)::int as n from campaign_messages where campaign_id = $1 group by status", [id]);
    return { status: c.rows[0]?.status as string, counts: Object.fromEntries(m.rows.map((r) => [r.status, r.n])) as Record<string, number> };
  });
}

