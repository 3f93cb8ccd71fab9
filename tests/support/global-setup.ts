import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "./throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One real Postgres for the whole run (see createThrowawayDatabase), shared by every test file. */
export default async function setup(project: TestProject) {
  const { url, drop } = await createThrowawayDatabase("cafe_test");
  project.provide("databaseUrl", url);
  return drop;
}
