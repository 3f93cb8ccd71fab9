import { type BatchCall, chunk, runBatchCalls } from "../batch";
import { getSegmentInfo } from "../encoding";
import { ProviderError } from "../errors";
import { toProviderMsisdn } from "../msisdn";
import type { BatchItemResult, OutboundSms, SendReceipt } from "../types";
import type { CpsmsSendApi, CpsmsSendResult } from "./send";

/**
 * Sends one request per distinct (text, sender, reference, dlr_url, time) and lists all recipients sharing it
 * in `to`; the callback's `receiver` tells reports apart. CPSMS documents no per-request recipient maximum.
 */
export const CPSMS_DEFAULT_MAX_RECIPIENTS_PER_REQUEST = 100;

/** The shared SmsProviderClient send methods, implemented on top of /send. */
export function createCpsmsSending(
  send: CpsmsSendApi,
  options: { maxRecipientsPerRequest: number; now: () => number },
) {
  function receipt(message: OutboundSms, accepted: CpsmsSendResult["accepted"][number]): SendReceipt {
    return {
      to: accepted.to,
      providerMessageId: null,
      reference: message.reference ?? null,
      segments: accepted.segments ?? message.segments ?? getSegmentInfo(message.text).segments,
      cost: accepted.cost,
      // CPSMS sends from the name we give it (it refuses names it won't use); without one, its log tells.
      sender: message.from ?? null,
      scheduled: message.sendAt !== undefined && message.sendAt.getTime() > options.now(),
    };
  }

  function request(messages: readonly OutboundSms[]) {
    const first = messages[0];
    if (!first) throw new Error("empty CPSMS request");
    return send.sendSms({
      to: messages.map((m) => toProviderMsisdn(m.to)),
      message: first.text,
      from: first.from,
      reference: first.reference,
      dlrUrl: first.dlrUrl,
      sendAt: first.sendAt,
    });
  }

  async function sendOne(message: OutboundSms): Promise<SendReceipt> {
    const result = await request([message]);
    const accepted = result.accepted[0];
    if (accepted) return receipt(message, accepted);
    const rejected = result.rejected[0];
    throw new ProviderError({
      provider: "cpsms",
      operation: "send",
      httpStatus: result.httpStatus,
      code: rejected ? "validation" : "bad_response",
      retryable: false,
      mayHaveBeenAccepted: !rejected,
      providerMessage: rejected?.message ?? null,
      detail: rejected ? null : "CPSMS listed the recipient neither as sent nor as failed",
    });
  }

  async function sendBatch(messages: readonly OutboundSms[]): Promise<BatchItemResult[]> {
    const groups = new Map<string, number[]>();
    messages.forEach((m, i) => {
      const key = JSON.stringify([m.text, m.from, m.reference, m.dlrUrl, m.sendAt?.getTime()]);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    const calls: BatchCall[] = [...groups.values()]
      .flatMap((indices) => chunk(indices, options.maxRecipientsPerRequest))
      .map((indices) => ({ indices, run: () => runGroup(messages, indices) }));
    return runBatchCalls(messages, calls);
  }

  async function runGroup(messages: readonly OutboundSms[], indices: number[]): Promise<Map<number, BatchItemResult>> {
    const group = indices.map((i) => messages[i] as OutboundSms);
    const result = await request(group);
    const pending = new Map<string, number[]>();
    for (const i of indices) {
      const key = toProviderMsisdn((messages[i] as OutboundSms).to);
      pending.set(key, [...(pending.get(key) ?? []), i]);
    }
    const out = new Map<number, BatchItemResult>();
    const take = (to: string) => pending.get(to)?.shift();
    for (const accepted of result.accepted) {
      const i = take(accepted.to);
      if (i !== undefined)
        out.set(i, {
          status: "accepted",
          message: messages[i] as OutboundSms,
          receipt: receipt(messages[i] as OutboundSms, accepted),
        });
    }
    for (const rejected of result.rejected) {
      const i = take(rejected.to);
      if (i !== undefined) out.set(i, { status: "rejected", message: messages[i] as OutboundSms, rejection: rejected });
    }
    for (const i of indices) {
      if (out.has(i)) continue;
      const error = new ProviderError({
        provider: "cpsms",
        operation: "send",
        httpStatus: result.httpStatus,
        code: "bad_response",
        retryable: false,
        mayHaveBeenAccepted: true,
        detail: "CPSMS listed the recipient neither as sent nor as failed",
      });
      out.set(i, { status: "failed", message: messages[i] as OutboundSms, error });
    }
    return out;
  }

  return { send: sendOne, sendBatch };
}
