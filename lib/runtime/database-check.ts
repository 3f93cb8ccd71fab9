import "server-only";
import pg from "pg";
import { describeDatabaseUrl, StartupError } from "./startup-error";

const CONNECT_TIMEOUT_MS = 5_000;

/** Connects once to DATABASE_URL and turns a failure into a specific, password-free message. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {}); // reported through connect() below
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    throw new StartupError(
      `Cannot reach the database in DATABASE_URL (${describeDatabaseUrl(url)}): ${reason(err, url)}.`,
      "Check that Postgres is running and DATABASE_URL is right, or unset DATABASE_URL to use the built-in database.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function reason(err: unknown, url: string): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  const { hostname, port, pathname, username } = new URL(url);
  switch (e.code) {
    case "ECONNREFUSED":
      return `connection refused at ${hostname}:${port || 5432} (is Postgres running there?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `unknown host "${hostname}"`;
    case "ETIMEDOUT":
      return "no answer (timed out)";
    case "28P01":
    case "28000":
      return `the server refused user "${decodeURIComponent(username)}" (wrong password or not allowed)`;
    case "3D000":
      return `database "${pathname.slice(1)}" does not exist`;
    default:
      return /timeout/i.test(e.message ?? "")
        ? `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`
        : (e.code ?? "connection failed");
  }
}
