import { getSegmentInfo, mangleNonGsmCharacters, type SmsEncoding } from "../../lib/sms/encoding";
import { createClock, type SandboxClock } from "../shared/clock";
import type { SandboxStateBase } from "../shared/control";
import { type DeliveryOutcome, DeliveryPlanner } from "../shared/delivery";
import { type FaultRuleInput, FaultStore } from "../shared/faults";
import { type HandsetDeliveryStatus, type HandsetMessage, Handsets } from "../shared/handsets";
import { RequestLog } from "../shared/request-log";
import { TaskQueue } from "../shared/tasks";
import type { ResolvedSmsappOptions } from "./options";

/** A row of Ultimate SMS's `reports` table (what /sms and /sms/{uid} return, plus sandbox bookkeeping). */
export interface SmsappSmsRecord {
  uid: string;
  to: string;
  from: string | null;
  message: string;
  status: string;
  cost: number;
  type: string;
  segments: number;
  encoding: SmsEncoding;
  createdAtMs: number;
}

export interface SmsappContactRecord {
  uid: string;
  phone: string;
  first_name: string | null;
  last_name: string | null;
}

export interface SmsappGroupRecord {
  uid: string;
  name: string;
  contacts: Map<string, SmsappContactRecord>;
}

export interface OutgoingSms {
  to: string;
  from: string | null;
  message: string;
  /** plain | unicode | voice | mms | whatsapp (single sends) or text | image (bulk). */
  type: string;
}

/** Gateway status labels per outcome (the part before "|"). */
const FINAL_LABEL: Record<DeliveryOutcome, string> = {
  delivered: "Delivered",
  failed: "Undelivered",
  buffered: "Delivered",
  abandoned: "Expired",
};

/** Everything the smsapp.pk emulator remembers. Also the programmatic control surface for in-process tests. */
export class SmsappSandboxState implements SandboxStateBase {
  readonly provider = "smsapp" as const;
  readonly faults = new FaultStore();
  readonly requestLog = new RequestLog();
  readonly clock: SandboxClock;
  private readonly tasks: TaskQueue;
  private readonly inboxes = new Handsets();
  private readonly planner: DeliveryPlanner;
  units: number;
  records: SmsappSmsRecord[] = [];
  groups = new Map<string, SmsappGroupRecord>();
  private counter = 0;
  /** Messages whose status the control API set: their scheduled delivery report no longer overwrites it. */
  private readonly pinned = new Set<string>();

  constructor(
    readonly options: ResolvedSmsappOptions,
    now?: () => number,
  ) {
    this.clock = createClock(now);
    this.tasks = new TaskQueue(this.clock);
    this.planner = new DeliveryPlanner(options.delivery);
    this.units = options.balance;
  }

  /** PHP uniqid()-like: 13 lowercase hex characters. */
  newUid(): string {
    this.counter += 1;
    const seconds = Math.floor(this.clock.now() / 1000)
      .toString(16)
      .padStart(8, "0")
      .slice(-8);
    return `${seconds}${(this.counter & 0xfffff).toString(16).padStart(5, "0")}`;
  }

  /** Segments and cost as Ultimate SMS bills them; `plain` text loses its non-GSM characters. */
  price(sms: OutgoingSms): { text: string; segments: number; encoding: SmsEncoding; cost: number } {
    const text = sms.type === "plain" ? mangleNonGsmCharacters(sms.message) : sms.message;
    const info =
      sms.type === "plain"
        ? getSegmentInfo(text, "GSM-7")
        : sms.type === "unicode"
          ? getSegmentInfo(text, "UCS-2")
          : getSegmentInfo(text);
    const segments = sms.type === "image" ? 1 : info.segments;
    return { text, segments, encoding: info.encoding, cost: Math.trunc(segments * this.options.unitPrice) };
  }

  /** Charges, stores and hands over one SMS; its status later moves on per the delivery plan. */
  deliver(sms: OutgoingSms): SmsappSmsRecord {
    const priced = this.price(sms);
    this.units -= priced.cost;
    const record: SmsappSmsRecord = {
      uid: this.newUid(),
      to: sms.to,
      from: sms.from,
      message: sms.message,
      status: "Delivered",
      cost: priced.cost,
      type: sms.type,
      segments: priced.segments,
      encoding: priced.encoding,
      createdAtMs: this.clock.now(),
    };
    this.records.push(record);
    const handset = this.inboxes.receive({
      provider: "smsapp",
      to: sms.to,
      from: sms.from,
      text: priced.text,
      receivedAtMs: record.createdAtMs,
      messageId: record.uid,
      reference: null,
      segments: priced.segments,
      encoding: priced.encoding,
      status: "pending",
    });
    this.planStatus(record, handset);
    return record;
  }

  /** Holds a campaign until `dueAtMs` (sandbox clock), then sends to each recipient balance permitting. */
  scheduleCampaign(messages: OutgoingSms[], dueAtMs: number): void {
    const run = () => {
      for (const sms of messages) {
        if (this.price(sms).cost > this.units) continue;
        this.deliver(sms);
      }
    };
    if (dueAtMs <= this.clock.now()) run();
    else this.tasks.schedule("release", dueAtMs, run);
  }

  private planStatus(record: SmsappSmsRecord, handset: HandsetMessage): void {
    const outcome = this.planner.outcomeFor(record.to);
    const gatewayId = `gw${record.uid}`;
    const set = (label: string, status: HandsetDeliveryStatus) => {
      if (this.pinned.has(record.uid)) return;
      record.status = `${label}|${gatewayId}`;
      handset.status = status;
    };
    this.tasks.schedule("delivery", record.createdAtMs + this.planner.delayMs, () => {
      if (outcome !== "buffered") return set(FINAL_LABEL[outcome], outcome);
      set("ENROUTE", "buffered");
      this.tasks.schedule("delivery", this.clock.now() + this.planner.bufferedDelayMs, () =>
        set("Delivered", "delivered"),
      );
    });
  }

  /** Overwrites a stored status, as an upstream DLR would (e.g. "Undelivered|abc"). */
  setStatus(uid: string, status: string): SmsappSmsRecord | null {
    const record = this.records.find((r) => r.uid === uid);
    if (!record) return null;
    record.status = status;
    this.pinned.add(uid);
    return { ...record };
  }

  // --- SandboxStateBase ---
  variant = () => ({ version: this.options.version });
  now = () => this.clock.now();
  handsets = () => this.inboxes.all();
  received = () => this.inboxes.received();
  handset = (number: string) => this.inboxes.inbox(number);
  messages = () => this.records.map((r) => ({ ...r }));
  requests = (filter?: { method?: string; path?: string }) => this.requestLog.list(filter);
  balance = () => this.units;
  setBalance = (amount: number) => {
    this.units = amount;
  };
  setOutcome = (number: string, outcome: DeliveryOutcome | null) => this.planner.setOutcome(number, outcome);
  addFault = (rule: FaultRuleInput) => this.faults.add(rule);

  async advance(ms: number) {
    const now = this.clock.advance(ms);
    return { now, ran: await this.tasks.runDue() };
  }

  settle(): Promise<number> {
    return this.tasks.flush("delivery");
  }

  reset(): void {
    this.tasks.clear();
    this.clock.reset();
    this.planner.reset();
    this.faults.clear();
    this.requestLog.clear();
    this.inboxes.clear();
    this.units = this.options.balance;
    this.records = [];
    this.groups.clear();
    this.counter = 0;
    this.pinned.clear();
  }

  dispose(): void {
    this.tasks.clear();
  }
}
