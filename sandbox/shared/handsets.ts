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

/** What `GET /_sandbox/received` answers: cheap enough to poll every few milliseconds during a 10,000-guest send. */
export interface HandsetCounts {
  handsets: number;
  messages: number;
  /** Sandbox clock time of the newest message (null before the first). */
  lastReceivedAtMs: number | null;
}

/** Every "phone" the sandbox delivered to, with its inbox in arrival order. */
export class Handsets {
  private readonly inboxes = new Map<string, HandsetMessage[]>();
  // Kept as messages arrive, so `received()` costs nothing however many phones there are.
  private total = 0;
  private lastReceivedAtMs: number | null = null;

  receive(message: Omit<HandsetMessage, "receivedAt">): HandsetMessage {
    const stored: HandsetMessage = { ...message, receivedAt: new Date(message.receivedAtMs).toISOString() };
    this.inboxes.set(message.to, [...(this.inboxes.get(message.to) ?? []), stored]);
    this.total++;
    this.lastReceivedAtMs = Math.max(this.lastReceivedAtMs ?? message.receivedAtMs, message.receivedAtMs);
    return stored;
  }

  inbox(number: string): HandsetMessage[] {
    return (this.inboxes.get(number.replace(/^\+/, "")) ?? []).map((m) => ({ ...m }));
  }

  all(): Record<string, HandsetMessage[]> {
    return Object.fromEntries([...this.inboxes].map(([number, messages]) => [number, messages.map((m) => ({ ...m }))]));
  }

  count(): number {
    return this.total;
  }

  /** How many phones got something and how many messages arrived in all, without copying any inbox. */
  received(): HandsetCounts {
    return { handsets: this.inboxes.size, messages: this.total, lastReceivedAtMs: this.lastReceivedAtMs };
  }

  clear(): void {
    this.inboxes.clear();
    this.total = 0;
    this.lastReceivedAtMs = null;
  }
}
