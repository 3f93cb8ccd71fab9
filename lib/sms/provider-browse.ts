import "server-only";
import { inArray } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { localizedUserMessage } from "@/lib/providers/provider-error-message";
import type { ProviderMode } from "@/lib/providers/resolve-provider";
import { isProviderError } from "./errors";

// What the providers' own history pages (app/(dashboard)/history/<provider>/) share; each provider's reads are in
// lib/sms/<provider>/history.ts, since their histories differ in shape (a paged list, a rate-limited log).

/** A provider call's failure as the page shows it: never swallowed, never a stack trace. */
export type ProviderFailure = { ok: false; mode: ProviderMode; code: string; message: string };

/** Browsing must not hang a page: one attempt, a few seconds. */
export const BROWSE_TRANSPORT = { timeoutMs: 8_000, retry: { maxAttempts: 1 } } as const;

/** A provider error as a failure the page shows, in the reader's language; anything else is a bug and is thrown on. */
export async function browseFailure(err: unknown, mode: ProviderMode): Promise<ProviderFailure> {
  if (isProviderError(err)) return { ok: false, mode, code: err.code, message: await localizedUserMessage(err) };
  throw err;
}

/** Our message ids for provider message ids, so a provider's history can link to our side of the story. */
export async function ourMessagesByProviderId(db: Database, ids: string[]): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: campaignMessages.id, providerId: campaignMessages.providerMessageId })
    .from(campaignMessages)
    .where(inArray(campaignMessages.providerMessageId, ids));
  return Object.fromEntries(rows.map((r) => [r.providerId!, r.id]));
}
