import { type BatchCall, chunk, runBatchCalls } from "../batch";
import { getSegmentInfo } from "../encoding";
import { isProviderError, ProviderError } from "../errors";
import { toProviderMsisdn } from "../msisdn";
import type { BatchItemResult, OutboundSms, SendReceipt } from "../types";
import { SMSAPP_BULK_LIMIT, type SmsappMessagesApi } from "./messages";
import type { SmsappMessage } from "./schemas";

/**
 * The shared SmsProviderClient send methods. Messages that name no sender and have no schedule go through
 * /sms/send-bulk-messages in chunks of 50: bulk items can carry neither a sender nor a time, so smsapp.pk sends
 * them from the account's own default sender ID. A message that names a sender is sent one by one through
 * /sms/send, which carries it, so the sender the guest sees is always the one chosen (one call per guest).
 */
export function createSmsappSending(api: SmsappMessagesApi, options: { defaultSenderId?: string; now: () => number }) {
  function receipt(message: OutboundSms, sms: SmsappMessage | null, scheduled: boolean): SendReceipt {
    return {
      to: sms?.to ?? toProviderMsisdn(message.to),
      providerMessageId: sms?.uid ?? null,
      reference: message.reference ?? null,
      segments: message.segments ?? getSegmentInfo(message.text).segments,
      cost: sms?.cost ?? null,
      sender: sms?.from ?? null,
      scheduled,
    };
  }

  async function send(message: OutboundSms): Promise<SendReceipt> {
    const senderId = message.from ?? options.defaultSenderId;
    if (senderId === undefined) {
      throw new ProviderError({
        provider: "smsapp",
        operation: "sms/send",
        code: "validation",
        retryable: false,
        mayHaveBeenAccepted: false,
        detail: "No sender ID is set for smsapp.pk.",
      });
    }
    const scheduleAt = message.sendAt && message.sendAt.getTime() > options.now() ? message.sendAt : undefined;
    const result = await api.sendSms({ recipient: message.to, senderId, message: message.text, scheduleAt });
    return receipt(message, result.sms, scheduleAt !== undefined);
  }

  // Only a message without a sender: our "default sender" setting is not necessarily the account's default at
  // smsapp.pk, which is what bulk sends go out under.
  function usesBulk(message: OutboundSms): boolean {
    return message.from === undefined && (message.sendAt === undefined || message.sendAt.getTime() <= options.now());
  }

  async function runBulk(messages: readonly OutboundSms[], indices: number[]): Promise<Map<number, BatchItemResult>> {
    const batch = indices.map((i) => messages[i] as OutboundSms);
    const result = await api.sendBulk(batch.map((m) => ({ contact: m.to, message: m.text })));
    const byNumber = new Map<string, SmsappMessage[]>();
    for (const sms of result.sms ?? []) byNumber.set(sms.to, [...(byNumber.get(sms.to) ?? []), sms]);
    const out = new Map<number, BatchItemResult>();
    for (const i of indices) {
      const message = messages[i] as OutboundSms;
      const to = toProviderMsisdn(message.to);
      const sms = byNumber.get(to)?.shift() ?? null;
      // Only when smsapp.pk lists what it created can a missing entry be read as "skipped"; otherwise we cannot tell.
      if (result.sms !== null && sms === null) {
        const rejection = {
          to,
          code: null,
          message: "smsapp.pk skipped this message (invalid number or missing field)",
        };
        out.set(i, { status: "rejected", message, rejection });
      } else {
        out.set(i, { status: "accepted", message, receipt: receipt(message, sms, false) });
      }
    }
    return out;
  }

  async function runSingle(message: OutboundSms, index: number): Promise<Map<number, BatchItemResult>> {
    try {
      return new Map([[index, { status: "accepted", message, receipt: await send(message) }]]);
    } catch (err) {
      if (!isProviderError(err) || err.code !== "validation") throw err;
      const rejection = {
        to: toProviderMsisdn(message.to),
        code: err.code,
        message: err.providerMessage ?? err.detail ?? err.message,
      };
      return new Map([[index, { status: "rejected", message, rejection }]]);
    }
  }

  async function sendBatch(messages: readonly OutboundSms[]): Promise<BatchItemResult[]> {
    const bulk = messages.flatMap((m, i) => (usesBulk(m) ? [i] : []));
    const calls: BatchCall[] = [
      ...chunk(bulk, SMSAPP_BULK_LIMIT).map((indices) => ({ indices, run: () => runBulk(messages, indices) })),
      ...messages.flatMap((m, i) => (usesBulk(m) ? [] : [{ indices: [i], run: () => runSingle(m, i) }])),
    ].sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
    return runBatchCalls(messages, calls);
  }

  return { send, sendBatch };
}
