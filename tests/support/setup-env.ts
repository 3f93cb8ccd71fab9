import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";

// Every test file talks to the run's database through the same env module the app uses.
setRuntimeEnv({ DATABASE_URL: inject("databaseUrl"), ENCRYPTION_KEY: "test-encryption-key-0123456789abcdef" });

afterAll(async () => {
  await closeDb();
});
