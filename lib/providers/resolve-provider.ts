import "server-only";
import { type ProviderSettingsRow, providerSettings } from "@/drizzle/schema";
import { openSecret, secretHint } from "@/lib/crypto/secret-box";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";
import { CPSMS_PRODUCTION_BASE_URL } from "@/lib/sms/cpsms/client";
import { SMSAPP_PRODUCTION_BASE_URL } from "@/lib/sms/smsapp/client";
import type { ProviderName } from "@/lib/sms/types";
import { sandboxUrls } from "./sandbox-urls";

export type ProviderMode = "live" | "sandbox";
/** Where the credentials in use came from. Environment variables win over saved ones; none means sandbox. */
export type CredentialSource = "environment" | "saved" | "sandbox";

type Common = {
  mode: ProviderMode;
  source: CredentialSource;
  baseUrl: string;
  defaultSender: string | null;
  /** "…abcd" of the secret in use, never the secret itself. */
  secretHint: string | null;
  /** Saved credentials exist (even when environment variables override them). */
  hasSavedCredentials: boolean;
};
export type ResolvedCpsms = Common & { provider: "cpsms"; username: string; apiKey: string };
export type ResolvedSmsapp = Common & { provider: "smsapp"; apiToken: string };
export type ResolvedProvider = ResolvedCpsms | ResolvedSmsapp;

/** Both providers' effective configuration, from one read of the saved settings. */
export async function resolveProviders(db: Database): Promise<ResolvedByName> {
  const rows = await db.select().from(providerSettings);
  const saved = new Map(rows.map((r) => [r.provider, r]));
  return { cpsms: resolveCpsms(saved.get("cpsms")), smsapp: resolveSmsapp(saved.get("smsapp")) };
}

type ResolvedByName = { cpsms: ResolvedCpsms; smsapp: ResolvedSmsapp };

export async function resolveProvider<P extends ProviderName>(db: Database, provider: P): Promise<ResolvedByName[P]> {
  return (await resolveProviders(db))[provider];
}

function resolveCpsms(row: ProviderSettingsRow | undefined): ResolvedCpsms {
  const config = env();
  const hasSaved = Boolean(row?.username && row.secretCiphertext);
  const common = {
    provider: "cpsms" as const,
    defaultSender: row?.defaultSender ?? null,
    hasSavedCredentials: hasSaved,
  };
  if (config.CPSMS_USERNAME && config.CPSMS_API_KEY) {
    return {
      ...common,
      mode: "live",
      source: "environment",
      baseUrl: config.CPSMS_BASE_URL ?? CPSMS_PRODUCTION_BASE_URL,
      username: config.CPSMS_USERNAME,
      apiKey: config.CPSMS_API_KEY,
      secretHint: secretHint(config.CPSMS_API_KEY),
    };
  }
  if (hasSaved && row?.username && row.secretCiphertext) {
    return {
      ...common,
      mode: "live",
      source: "saved",
      baseUrl: config.CPSMS_BASE_URL ?? CPSMS_PRODUCTION_BASE_URL,
      username: row.username,
      apiKey: openSecret(row.secretCiphertext),
      secretHint: row.secretHint,
    };
  }
  return {
    ...common,
    mode: "sandbox",
    source: "sandbox",
    baseUrl: sandboxUrls().cpsms,
    username: config.CPSMS_SANDBOX_USERNAME,
    apiKey: config.CPSMS_SANDBOX_API_KEY,
    secretHint: null,
  };
}

function resolveSmsapp(row: ProviderSettingsRow | undefined): ResolvedSmsapp {
  const config = env();
  const hasSaved = Boolean(row?.secretCiphertext);
  const common = {
    provider: "smsapp" as const,
    defaultSender: row?.defaultSender ?? null,
    hasSavedCredentials: hasSaved,
  };
  if (config.SMSAPP_API_TOKEN) {
    return {
      ...common,
      mode: "live",
      source: "environment",
      baseUrl: config.SMSAPP_BASE_URL ?? SMSAPP_PRODUCTION_BASE_URL,
      apiToken: config.SMSAPP_API_TOKEN,
      secretHint: secretHint(config.SMSAPP_API_TOKEN),
    };
  }
  if (row?.secretCiphertext) {
    return {
      ...common,
      mode: "live",
      source: "saved",
      baseUrl: config.SMSAPP_BASE_URL ?? SMSAPP_PRODUCTION_BASE_URL,
      apiToken: openSecret(row.secretCiphertext),
      secretHint: row.secretHint,
    };
  }
  return {
    ...common,
    mode: "sandbox",
    source: "sandbox",
    baseUrl: sandboxUrls().smsapp,
    apiToken: config.SMSAPP_SANDBOX_TOKEN,
    secretHint: null,
  };
}
