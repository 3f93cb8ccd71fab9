import { type CpsmsDeliveryState, cpsmsDlrCode } from "../../lib/sms/cpsms/dlr";
import type { SmsEncoding } from "../../lib/sms/encoding";
import { createClock, type SandboxClock } from "../shared/clock";
import { concurrencyLimit } from "../shared/concurrency-limit";
import type { SandboxStateBase } from "../shared/control";
import { type DeliveryOutcome, DeliveryPlanner } from "../shared/delivery";
import { type FaultRuleInput, FaultStore } from "../shared/faults";
import { type HandsetMessage, Handsets } from "../shared/handsets";
import { RequestLog } from "../shared/request-log";
import { TaskQueue } from "../shared/tasks";
import { type CpsmsDlrAttempt, postDeliveryReport } from "./dlr-sender";
import type { ResolvedCpsmsOptions } from "./options";

/** One SMS per recipient, as CPSMS keeps it (feeds /getlog, /deletesms and the handsets). */
export interface CpsmsSmsRecord {
  id: string;
  to: string;
  from: string;
  text: string;
  encoding: SmsEncoding;
  segments: number;
  pointPrice: number;
  cost: number;
  reference: string | null;
  dlrUrl: string | null;
  flash: boolean;
  createdAtMs: number;
  sendAtMs: number;
  sentAtMs: number | null;
  state: "scheduled" | "sent" | "deleted";
  dlrStatus: number;
  dlrStatusText: string;
}

export type CpsmsSmsDraft = Omit<
  CpsmsSmsRecord,
  "id" | "createdAtMs" | "sentAtMs" | "state" | "dlrStatus" | "dlrStatusText"
>;

export interface CpsmsGroupRecord {
  groupId: number;
  groupName: string;
}

export interface CpsmsContactRecord {
  phoneNumber: string;
  contactName: string | null;
  timeAdded: number;
  groupIds: Set<number>;
}

const STATUS_TEXT: Record<Exclude<CpsmsDeliveryState, "unknown">, string> = {
  delivered: "Received",
  failed: "Failed",
  buffered: "Buffered",
  abandoned: "Abandoned",
};
const FIRST_GROUP_ID = 11986;
const DELETE_LOCK_MS = 10 * 60 * 1000;

/** Everything the CPSMS emulator remembers. Also the programmatic control surface for in-process tests. */
export class CpsmsSandboxState implements SandboxStateBase {
  readonly provider = "cpsms" as const;
  readonly faults = new FaultStore();
  readonly requestLog = new RequestLog();
  readonly clock: SandboxClock;
  private readonly tasks: TaskQueue;
  private readonly inboxes = new Handsets();
  private readonly planner: DeliveryPlanner;
  /** Delivery-report POSTs go out over a bounded number of connections, like a real gateway's dispatcher. */
  private readonly callbacks: ReturnType<typeof concurrencyLimit>;
  credit: number;
  records: CpsmsSmsRecord[] = [];
  groups = new Map<number, CpsmsGroupRecord>();
  contacts = new Map<string, CpsmsContactRecord>();
  dlrAttempts: CpsmsDlrAttempt[] = [];
  lastGetlogAtMs: number | null = null;
  private nextSmsId = 1;
  nextGroupId = FIRST_GROUP_ID;

  constructor(
    readonly options: ResolvedCpsmsOptions,
    now?: () => number,
  ) {
    this.clock = createClock(now);
    this.tasks = new TaskQueue(this.clock);
    this.planner = new DeliveryPlanner(options.dlr);
    this.callbacks = concurrencyLimit(options.dlrConcurrency);
    this.credit = options.credit;
  }

  /** Stores accepted SMSs; sends them now or holds them until their `timestamp`. */
  submit(drafts: CpsmsSmsDraft[]): void {
    const now = this.clock.now();
    for (const draft of drafts) {
      const record: CpsmsSmsRecord = {
        ...draft,
        id: `cpsms-${this.nextSmsId++}`,
        createdAtMs: now,
        sentAtMs: null,
        state: "scheduled",
        dlrStatus: 0,
        dlrStatusText: "",
      };
      this.records.push(record);
      if (record.sendAtMs > now) this.tasks.schedule("release", record.sendAtMs, () => this.release(record));
      else this.release(record);
    }
  }

  /**
   * Cancels pending SMSs with this reference. CPSMS refuses when any of them is due within 10 minutes
   * (all-or-nothing is a guess; the doc only says deletion needs more than 10 minutes to go).
   */
  deleteScheduled(reference: string): { result: "none" | "too_late" } | { result: "deleted"; count: number } {
    const pending = this.records.filter((r) => r.state === "scheduled" && r.reference === reference);
    if (pending.length === 0) return { result: "none" };
    if (pending.some((r) => r.sendAtMs - this.clock.now() <= DELETE_LOCK_MS)) return { result: "too_late" };
    for (const record of pending) {
      record.state = "deleted";
      this.credit += record.cost;
    }
    return { result: "deleted", count: pending.length };
  }

  private release(record: CpsmsSmsRecord): void {
    if (record.state !== "scheduled") return;
    record.state = "sent";
    record.sentAtMs = this.clock.now();
    const handset = this.inboxes.receive({
      provider: "cpsms",
      to: record.to,
      from: record.from,
      text: record.text,
      receivedAtMs: record.sentAtMs,
      messageId: record.id,
      reference: record.reference,
      segments: record.segments,
      encoding: record.encoding,
      status: "pending",
    });
    const outcome = this.planner.outcomeFor(record.to);
    const first = outcome === "buffered" ? "buffered" : outcome;
    this.tasks.schedule("delivery", record.sentAtMs + this.planner.delayMs, async () => {
      await this.report(record, handset, first);
      if (outcome !== "buffered") return;
      this.tasks.schedule("delivery", this.clock.now() + this.planner.bufferedDelayMs, () =>
        this.report(record, handset, "delivered"),
      );
    });
  }

  private async report(
    record: CpsmsSmsRecord,
    handset: HandsetMessage,
    state: Exclude<CpsmsDeliveryState, "unknown">,
  ): Promise<void> {
    const code = cpsmsDlrCode(state, this.options.codeSet);
    record.dlrStatus = code;
    record.dlrStatusText = STATUS_TEXT[state];
    handset.status = state;
    if (record.dlrUrl === null) return;
    const dlrUrl = record.dlrUrl;
    const attempt = await this.callbacks(() =>
      postDeliveryReport({
        dlrUrl,
        status: code,
        receiver: record.to,
        timeoutMs: this.options.dlrTimeoutMs,
        atMs: this.clock.now(),
      }),
    );
    this.dlrAttempts.push(attempt);
  }

  nextGroup(): number {
    return this.nextGroupId++;
  }

  // --- SandboxStateBase ---
  variant = () => ({ shapes: this.options.wireVariant, dlrCodes: this.options.codeSet });
  now = () => this.clock.now();
  handsets = () => this.inboxes.all();
  received = () => this.inboxes.received();
  handset = (number: string) => this.inboxes.inbox(number);
  messages = () => this.records.map((r) => ({ ...r }));
  requests = (filter?: { method?: string; path?: string }) => this.requestLog.list(filter);
  balance = () => this.credit;
  setBalance = (amount: number) => {
    this.credit = amount;
  };
  setOutcome = (number: string, outcome: DeliveryOutcome | null) => this.planner.setOutcome(number, outcome);
  addFault = (rule: FaultRuleInput) => this.faults.add(rule);
  dlrReports = () => this.dlrAttempts.map((a) => ({ ...a }));

  async advance(ms: number) {
    const now = this.clock.advance(ms);
    return { now, ran: await this.tasks.runDue() };
  }

  settle(): Promise<number> {
    return this.tasks.flush("delivery");
  }

  /** Waits for in-flight delivery reports (fired by real timers) to finish. */
  idle(): Promise<void> {
    return this.tasks.idle();
  }

  reset(): void {
    this.tasks.clear();
    this.clock.reset();
    this.planner.reset();
    this.faults.clear();
    this.requestLog.clear();
    this.inboxes.clear();
    this.credit = this.options.credit;
    this.records = [];
    this.groups.clear();
    this.contacts.clear();
    this.dlrAttempts = [];
    this.lastGetlogAtMs = null;
    this.nextSmsId = 1;
    this.nextGroupId = FIRST_GROUP_ID;
  }

  /** Stops timers (used by stop()). */
  dispose(): void {
    this.tasks.clear();
  }
}
