import "server-only";
import pino from "pino";
import { env } from "@/lib/env";
import { logSafeError } from "@/lib/log-safe-error";

/**
 * Structured JSON logs on stdout. Anything that looks like a credential is redacted here, once, so a careless
 * `logger.info({ user })` can never print a password hash or a provider key; an `err` is logged as its type,
 * message, code, stack and cause only (log-safe-error.ts: no query parameters, no database connection).
 */
export const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "newPassword",
  "currentPassword",
  "temporaryPassword",
  "authorization",
  "cookie",
  "apiKey",
  "apiToken",
  "token",
  "secret",
  "AUTH_SECRET",
  "DATABASE_URL",
  "databaseUrl",
];

function createLogger() {
  return pino({
    level: logLevel(),
    base: { app: "cafe-de-revenue" },
    serializers: { err: logSafeError },
    redact: {
      paths: [
        ...REDACTED_KEYS,
        ...REDACTED_KEYS.map((k) => `*.${k}`),
        "req.headers.cookie",
        "req.headers.authorization",
      ],
      censor: "[redacted]",
    },
  });
}

const globalForLogger = globalThis as unknown as { cafeLogger?: pino.Logger };

// One logger per process, kept on globalThis so module re-evaluation (Next bundles, tsx) doesn't open a second.
globalForLogger.cafeLogger ??= createLogger();

/** The process-wide logger (shared by the launcher, the worker and the Next.js server in one process). */
export const logger: pino.Logger = globalForLogger.cafeLogger;

function logLevel() {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info"; // an invalid environment is reported by the launcher, with the variable's name
  }
}
