import "server-only";
import { providerSettings } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";
import type { ProviderName } from "@/lib/sms/types";
import type { ProviderMode } from "./resolve-provider";

/**
 * Live or sandbox per provider, without decrypting anything: cheap enough for every page's header badge.
 * Same precedence as resolveProviders: environment, then saved credentials, then the sandbox.
 */
export async function providerModes(db: Database): Promise<Record<ProviderName, ProviderMode>> {
  const config = env();
  const rows = await db
    .select({
      provider: providerSettings.provider,
      username: providerSettings.username,
      secret: providerSettings.secretCiphertext,
    })
    .from(providerSettings);
  const saved = new Map(rows.map((r) => [r.provider, r]));
  const cpsmsSaved = Boolean(saved.get("cpsms")?.username && saved.get("cpsms")?.secret);
  const smsappSaved = Boolean(saved.get("smsapp")?.secret);
  return {
    cpsms: (config.CPSMS_USERNAME && config.CPSMS_API_KEY) || cpsmsSaved ? "live" : "sandbox",
    smsapp: config.SMSAPP_API_TOKEN || smsappSaved ? "live" : "sandbox",
  };
}
