import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import type { ProviderError } from "@/lib/sms/errors";
import type { BatchItemResult } from "@/lib/sms/types";
import { messageFrom, statusIn } from "./apply-transition";
import { recordEvents } from "./message-events";
import { type MESSAGE_TRANSITIONS, REPORTED } from "./message-lifecycle";

export type MessageOutcome = {
  id: number;
  /** One of the provider answer's transitions (message-lifecycle.ts). */
  status: (typeof MESSAGE_TRANSITIONS.sendResult.to)[number];
  cost: number | null;
  segments: number | null;
  providerMessageId: string | null;
  sender: string | null;
  errorCode: string | null;
  errorMessage: string | null;
};

export type BatchSummary = {
  outcomes: MessageOutcome[];
  /** The first hard failure (auth, credit, outage), which decides whether to pause. */
  failure: ProviderError | null;
};

/**
 * What each claimed message became. A failure that may have reached the provider stays "sending" for
 * reconciliation; one that certainly did not goes back to "queued" so it is retried, never duplicated.
 */
export function summarizeBatch(ids: readonly number[], results: readonly BatchItemResult[]): BatchSummary {
  let failure: ProviderError | null = null;
  const outcomes = results.map((result, i): MessageOutcome => {
    const id = ids[i] as number;
    const base = {
      id,
      cost: null,
      segments: null,
      providerMessageId: null,
      sender: null,
      errorCode: null,
      errorMessage: null,
    };
    switch (result.status) {
      case "accepted":
        return {
          ...base,
          status: result.receipt.scheduled ? "scheduled" : "accepted",
          cost: result.receipt.cost,
          segments: result.receipt.segments || null,
          providerMessageId: result.receipt.providerMessageId,
          sender: result.receipt.sender,
        };
      case "rejected":
        return {
          ...base,
          status: "rejected",
          errorCode: result.rejection.code ?? "rejected",
          errorMessage: result.rejection.message,
        };
      default:
        // "failed" or "skipped": the call failed, or wasn't made after an earlier failure.
        failure ??= result.error;
        return {
          ...base,
          status: result.status === "failed" && result.error.mayHaveBeenAccepted ? "sending" : "queued",
          errorCode: result.error.code,
          errorMessage: result.error.userMessage,
        };
    }
  });
  return { outcomes, failure };
}

/**
 * Writes outcomes in one statement (a batch is up to a few hundred rows). A delivery report can beat the
 * provider's answer (the row is already buffered/delivered/undelivered): its status is kept, but the cost,
 * segments, uid, sender and send time from the answer are still recorded. A message CPSMS accepted for later
 * ("scheduled") gets no send time: it hasn't gone out, and its time comes from CPSMS's confirmation.
 */
export async function recordOutcomes(db: Database, outcomes: readonly MessageOutcome[]) {
  if (outcomes.length === 0) return;
  // sql.param keeps each JS array one Postgres array parameter (a bare array would expand to a list).
  const col = <K extends keyof MessageOutcome>(key: K) => sql.param(outcomes.map((o) => o[key]));
  // The answer moves only rows still "sending" (each outcome is one of sendResult's targets, see summarizeBatch).
  const answered = messageFrom("sendResult", "m.status");
  await db.execute(sql`
    update campaign_messages m set
      status = case when ${answered} then o.status else m.status end,
      cost = coalesce(o.cost, m.cost),
      segments = coalesce(o.segments, m.segments),
      provider_message_id = coalesce(o.provider_message_id, m.provider_message_id),
      sender = coalesce(o.sender, m.sender),
      error_code = case when ${answered} then o.error_code else m.error_code end,
      error_message = case when ${answered} then o.error_message else m.error_message end,
      sent_at = case when o.status = 'accepted' then coalesce(case when ${answered} then null else m.sent_at end, now()) else m.sent_at end,
      claimed_at = case when o.status = 'queued' then null else m.claimed_at end,
      status_changed_at = case when ${answered} then now() else m.status_changed_at end
    from unnest(
      ${col("id")}::bigint[], ${col("status")}::text[], ${col("cost")}::numeric[], ${col("segments")}::int[],
      ${col("providerMessageId")}::text[], ${col("sender")}::text[], ${col("errorCode")}::text[], ${col("errorMessage")}::text[]
    ) as o(id, status, cost, segments, provider_message_id, sender, error_code, error_message)
    where m.id = o.id
      and (${answered} or (o.status in ('accepted', 'scheduled') and ${statusIn(REPORTED, "m.status")}))`);
  await recordEvents(
    db,
    "dispatch",
    outcomes.map((o) => ({
      messageId: o.id,
      status: o.status === "sending" ? "unknown" : o.status,
      detail:
        o.status === "sending"
          ? `Provider answer unclear (${o.errorMessage ?? "no answer"}); checking before any resend.`
          : o.errorMessage,
    })),
  );
}
