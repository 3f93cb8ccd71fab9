import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used (no push): migrations are committed and applied at startup.
export default defineConfig({
  dialect: "postgresql",
  schema: "./drizzle/schema/index.ts",
  out: "./drizzle/migrations",
  casing: "snake_case",
});
