import type { SmsEncoding } from "../../lib/sms/encoding";

export type HandsetDeliveryStatus = "pending" | "delivered" | "failed" | "buffered" | "abandoned";

/** One SMS as the recipient's phone would see it (plus what the sandbox knows about it). */
export interface HandsetMessage {
  provider: "cpsms" | "smsapp";
  to: string;
  from: string | null;
  /** The text as it arrives, after any stripping (CPSMS GSM) or mangling (smsapp plain with Urdu). */
  text: string;
  receivedAt: string;
  receivedAtMs: number;
  /** CPSMS: the sandbox's own id (CPSMS returns none); smsapp.pk: the `uid`. */
  messageId: string;
  reference: string | null;
  segments: number;
  encoding: SmsEncoding;
  status: HandsetDeliveryStatus;
}

/** Every "phone" the sandbox delivered to, with its inbox in arrival order. */
export class Handsets {
  private readonly inboxes = new Map<string, HandsetMessage[]>();

  receive(message: Omit<HandsetMessage, "receivedAt">): HandsetMessage {
    const stored: HandsetMessage = { ...message, receivedAt: new Date(message.receivedAtMs).toISOString() };
    this.inboxes.set(message.to, [...(this.inboxes.get(message.to) ?? []), stored]);
    return stored;
  }

  inbox(number: string): HandsetMessage[] {
    return (this.inboxes.get(number.replace(/^\+/, "")) ?? []).map((m) => ({ ...m }));
  }

  all(): Record<string, HandsetMessage[]> {
    return Object.fromEntries([...this.inboxes].map(([number, messages]) => [number, messages.map((m) => ({ ...m }))]));
  }

  count(): number {
    let total = 0;
    for (const messages of this.inboxes.values()) total += messages.length;
    return total;
  }

  clear(): void {
    this.inboxes.clear();
  }
}
