/**
 * smsapp.pk stores a free-text status: "Delivered" when the upstream gateway took the message, later
 * "<gateway status>|<gateway id>" (e.g. "Delivered|abc", "Undelivered|abc"), or a gateway error text.
 */
export type SmsappDeliveryState = "delivered" | "failed" | "pending" | "unknown";

export interface SmsappStatus {
  raw: string;
  /** The part before "|". */
  label: string;
  gatewayMessageId: string | null;
  state: SmsappDeliveryState;
}

const FAILED =
  /^(undeliv|undelivered|failed|failure|rejected|rejectd|expired|deleted|invalid|insufficient|unknown error|error|blocked|blacklist)/i;
const PENDING = /^(pending|queued|scheduled|sent|submitted|enroute|accepted|acceptd|buffered|processing)/i;

/** Parses a status string; the provider says to treat anything starting with "Delivered" as success. */
export function parseSmsappStatus(raw: string): SmsappStatus {
  const separator = raw.indexOf("|");
  const label = (separator === -1 ? raw : raw.slice(0, separator)).trim();
  const id = separator === -1 ? "" : raw.slice(separator + 1).trim();
  let state: SmsappDeliveryState = "unknown";
  if (/^deliv(ered|rd)/i.test(label)) state = "delivered";
  else if (FAILED.test(label)) state = "failed";
  else if (PENDING.test(label)) state = "pending";
  return { raw, label, gatewayMessageId: id.length > 0 ? id : null, state };
}
