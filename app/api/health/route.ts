import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Liveness and database readiness for load balancers and tests; reveals nothing about the data. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch (err) {
    logger.error({ err: (err as Error).message }, "health check failed");
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
