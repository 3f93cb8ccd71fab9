import "server-only";
import type { Database } from "@/lib/db";
import { isProviderError } from "@/lib/sms/errors";
import { sessionFor } from "@/lib/sms/registry";
import type { ProviderName } from "@/lib/sms/types";
import { localizedUserMessage } from "./provider-error-message";
import { type ProviderMode, resolveProvider } from "./resolve-provider";

export type ConnectionCheck =
  | {
      ok: true;
      mode: ProviderMode;
      latencyMs: number;
      balance: { amount: number | null; unlimited: boolean; unit: "points" | "units"; raw: string };
      /** The plan's expiry as the provider formats it (smsapp.pk), or null. */
      expiresOn: string | null;
      checkedAt: string;
    }
  | { ok: false; mode: ProviderMode; latencyMs: number; code: string; message: string; checkedAt: string };

/** Asks the provider for the account balance: proves the address and credentials work, and shows what's left. */
export async function checkProviderConnection(db: Database, provider: ProviderName): Promise<ConnectionCheck> {
  const resolved = await resolveProvider(db, provider);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const checkedAt = new Date().toISOString();
  try {
    const { expiresOn = null, ...balance } = await sessionFor(resolved, db).getBalance();
    return { ok: true, mode: resolved.mode, latencyMs: elapsed(), balance, expiresOn, checkedAt };
  } catch (err) {
    if (!isProviderError(err)) throw err;
    return {
      ok: false,
      mode: resolved.mode,
      latencyMs: elapsed(),
      code: err.code,
      message: await localizedUserMessage(err),
      checkedAt,
    };
  }
}
