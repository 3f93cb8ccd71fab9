import "server-only";
import { sharedResult } from "@/lib/cache/shared-result";
import type { Database } from "@/lib/db";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import { isProviderError, type ProviderError } from "@/lib/sms/errors";
import { mapProviders, PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";
import { sessionFor } from "@/lib/sms/registry";
import type { UpcomingSend } from "./dashboard";

/** Below this, the dashboard warns (in the provider's unit: about a small campaign's worth). */
export const LOW_BALANCE: Record<ProviderName, number> = mapProviders((p) => PROVIDER_INFO[p].lowBalance);
/** The dashboard never waits longer than this for a provider. */
export const BALANCE_TIMEOUT_MS = 2_500;

export type BalanceView =
  | {
      ok: true;
      provider: ProviderName;
      mode: ProviderMode;
      amount: number | null;
      unlimited: boolean;
      unit: string;
      raw: string;
      low: boolean;
    }
  | {
      ok: false;
      provider: ProviderName;
      mode: ProviderMode;
      /** A catalogue key with its values, or a provider's own message (shown as it is). */
      message: string;
      values?: { seconds: number };
      /** The provider's refusal, put into the reader's words where shown (the result is shared between readers). */
      providerError?: ProviderError;
    };

/** How long a balance that was read is shown before the provider is asked again. */
export const BALANCE_CACHE_MS = 20_000;

type BalanceRequest = {
  db: Database;
  provider: ProviderName;
  resolved: Awaited<ReturnType<typeof resolveProvider>>;
  timeoutMs: number;
};
const sharedBalance = sharedResult<BalanceRequest, BalanceView>(
  {
    ttlMs: BALANCE_CACHE_MS,
    keyOf: ({ provider, resolved, timeoutMs }) =>
      JSON.stringify([
        provider,
        resolved.mode,
        resolved.source,
        (resolved as { username?: string }).username ?? null,
        timeoutMs,
      ]),
    keep: (view) => view.ok, // failures are retried next time
  },
  ({ resolved, db, provider, timeoutMs }) => readBalance(resolved, db, provider, timeoutMs),
);

/**
 * One provider's balance, with one short attempt: a slow provider shows "unavailable", not a slow page. A
 * balance read in the last 20 s is reused (and concurrent dashboards share one request): fifty people on the
 * dashboard must not mean fifty balance calls to the provider (found by the load bench).
 */
export async function providerBalance(
  db: Database,
  provider: ProviderName,
  timeoutMs = BALANCE_TIMEOUT_MS,
): Promise<BalanceView> {
  return sharedBalance({ db, provider, resolved: await resolveProvider(db, provider), timeoutMs });
}

async function readBalance(
  resolved: Awaited<ReturnType<typeof resolveProvider>>,
  db: Database,
  provider: ProviderName,
  timeoutMs: number,
): Promise<BalanceView> {
  const transport = { timeoutMs, retry: { maxAttempts: 1 } };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs + 250);
  });
  try {
    const balance = await Promise.race([sessionFor(resolved, db, transport).getBalance(), deadline]);
    return {
      ok: true,
      provider,
      mode: resolved.mode,
      amount: balance.amount,
      unlimited: balance.unlimited,
      unit: balance.unit,
      raw: balance.raw,
      low: !balance.unlimited && balance.amount !== null && balance.amount < LOW_BALANCE[provider],
    };
  } catch (err) {
    if (isProviderError(err)) {
      return { ok: false, provider, mode: resolved.mode, message: err.userMessage, providerError: err };
    }
    return err instanceof Error && err.message === "timeout"
      ? {
          ok: false,
          provider,
          mode: resolved.mode,
          message: "Home.balances.timeout",
          values: { seconds: timeoutMs / 1000 },
        }
      : { ok: false, provider, mode: resolved.mode, message: "Home.balances.unreadable" };
  } finally {
    clearTimeout(timer);
  }
}

export type CoverageWarning = {
  campaignId: string;
  name: string;
  provider: ProviderName;
  needed: number;
  available: number;
};

/**
 * Upcoming sends the balance can't cover, taken in order: the second campaign is checked against what the
 * first leaves.
 */
export function uncoveredSends(balances: BalanceView[], upcoming: UpcomingSend[]): CoverageWarning[] {
  const left = new Map<ProviderName, number>();
  for (const b of balances) if (b.ok && !b.unlimited && b.amount !== null) left.set(b.provider, b.amount);
  const warnings: CoverageWarning[] = [];
  for (const u of upcoming) {
    const available = left.get(u.provider);
    if (available === undefined || u.estimatedCost === 0) continue;
    if (u.estimatedCost > available)
      warnings.push({ campaignId: u.id, name: u.name, provider: u.provider, needed: u.estimatedCost, available });
    left.set(u.provider, available - u.estimatedCost);
  }
  return warnings;
}
