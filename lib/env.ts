import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { CPSMS_DLR_CODE_SETS, CPSMS_WIRE_VARIANTS, SMSAPP_VERSIONS } from "@/sandbox/variants";

/**
 * The only module that touches `process.env`. Everything else asks `env()` for typed, validated values, so a
 * typo in a variable fails at startup with the variable's name instead of far away at first use.
 */

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const flag = (fallback: boolean) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
        error: "must be true or false",
      })
      .optional()
      .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on"].includes(v))),
  );

const port = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a port number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .default(fallback),
  );

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(emptyAsUndefined, z.enum(values, { error: `must be one of ${values.join(", ")}` }).default(fallback));

const optionalString = (schema: z.ZodString) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), {
  error: "must be a postgres:// URL, e.g. postgres://user:password@host:5432/database",
});

const httpUrl = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: "must be an http:// or https:// URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port(3000),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default("0.0.0.0")),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default("./data")),
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  EMBEDDED_PG_PORT: port(54329),
  AUTH_SECRET: optionalString(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email("must be an email address").optional()),
  ADMIN_PASSWORD: optionalString(
    z.string().min(10, "must be at least 10 characters").max(200, "must be at most 200 characters"),
  ),
  RUN_WORKER: flag(true),
  /**
   * Web server processes for `npm start`. Above 1, the launcher keeps the database, the sandboxes and the job
   * worker and hands the port to this many web processes (node:cluster), so pages render on every core and a
   * send's work never queues behind them. Default: one per core, at most 4.
   */
  WEB_CONCURRENCY: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a whole number of processes" })
      .int("must be a whole number of processes")
      .min(1, "must be at least 1")
      .max(32, "must be at most 32")
      .default(() => Math.max(1, Math.min(os.availableParallelism(), 4))),
  ),
  TRUST_PROXY: flag(false),
  ENCRYPTION_KEY: optionalString(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
  // Providers. Credentials set here win over those saved on Settings > Providers; with none, the sandbox is used.
  CPSMS_BASE_URL: httpUrl,
  CPSMS_USERNAME: optionalString(z.string().max(100)),
  CPSMS_API_KEY: optionalString(z.string().max(200)),
  SMSAPP_BASE_URL: httpUrl,
  SMSAPP_API_TOKEN: optionalString(z.string().max(500)),
  /** The address providers call back (CPSMS delivery reports), e.g. https://sms.myrestaurant.dk */
  PUBLIC_URL: httpUrl,
  // The built-in emulators (the sandbox).
  CPSMS_SANDBOX_PORT: port(4010),
  CPSMS_SANDBOX_USERNAME: z.preprocess(emptyAsUndefined, z.string().min(1).default("sandbox")),
  CPSMS_SANDBOX_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).default("sandbox-cpsms-api-key")),
  SMSAPP_SANDBOX_PORT: port(4020),
  SMSAPP_SANDBOX_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(1).default("sandbox-smsapp-token")),
  /** Which provider behaviour the sandbox emulates where the providers' own documents disagree (sandbox/README.md). */
  CPSMS_SANDBOX_SHAPES: oneOf(CPSMS_WIRE_VARIANTS, "documented"),
  CPSMS_SANDBOX_DLR_CODES: oneOf(CPSMS_DLR_CODE_SETS, "current"),
  SMSAPP_SANDBOX_VERSION: oneOf(SMSAPP_VERSIONS, "3.1"),
  /** How long the sandbox waits before a delivery report (CPSMS) or a status change (smsapp.pk). */
  SANDBOX_DELIVERY_DELAY_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "must be a number of milliseconds" }).int().min(0).max(3_600_000).default(2000),
  ),
  /** Calls one API key may make per minute (POST /api/v1/*), counted across every instance. */
  API_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "must be a number of calls" }).int().min(1).max(1_000_000).default(600),
  ),
  /**
   * The test clock: lets the e2e harness move the app's clock (automations, their preview) by an offset stored in
   * the database. Never in production: refused next to an https PUBLIC_URL, and a banner shows while it is on.
   */
  TEST_CLOCK: flag(false),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; the message names every offending variable. */
export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p.variable} ${p.message}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a set of variables (default: the process environment) and throws `EnvError` naming bad ones. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    const { CPSMS_USERNAME, CPSMS_API_KEY } = result.data;
    if (Boolean(CPSMS_USERNAME) !== Boolean(CPSMS_API_KEY)) {
      const missing = CPSMS_USERNAME ? "CPSMS_API_KEY" : "CPSMS_USERNAME";
      throw new EnvError([
        { variable: missing, message: "must be set too: CPSMS needs both a username and an API key" },
      ]);
    }
    if (result.data.TEST_CLOCK && result.data.PUBLIC_URL?.startsWith("https://")) {
      throw new EnvError([
        { variable: "TEST_CLOCK", message: "must not be set on a public (https) site: it moves the app's clock" },
      ]);
    }
    return result.data;
  }
  throw new EnvError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? "environment"),
      message: issue.message,
    })),
  );
}

let cached: Env | undefined;

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * Sets values the launcher derives at startup (embedded database URL, generated AUTH_SECRET) so that code in
 * the same process, including the Next.js server and Auth.js, sees them as ordinary configuration.
 */
export function setRuntimeEnv(values: Partial<Record<keyof Env, string>>) {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) process.env[key] = value;
  }
  cached = undefined;
}

/** Absolute path of the data directory. */
export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}
