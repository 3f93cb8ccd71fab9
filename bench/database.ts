import { closeDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { createThrowawayDatabase } from "@/tests/support/throwaway-database";

/** A throwaway real Postgres for the benches, with the app's db module pointed at it. */
export async function startBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { url, drop } = await createThrowawayDatabase("cafe_bench");
  setRuntimeEnv({ DATABASE_URL: url, ENCRYPTION_KEY: "bench-encryption-key-0123456789abcdef", LOG_LEVEL: "silent" });
  return {
    url,
    stop: async () => {
      await closeDb();
      await drop();
    },
  };
}
