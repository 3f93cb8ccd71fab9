// Plain data and pure functions (no database): the messages' half of the lifecycle, kept apart from the
// campaigns' (campaign-lifecycle.ts) because it has its own table, writers and twelve states.
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";

type Transition = { from: readonly MessageStatus[]; to: readonly MessageStatus[] };

/**
 * Every way a message's status may change, by event: from which statuses, to which. Writers change many rows in
 * one statement, so they take these as SQL (messageFrom / messageTo in apply-transition.ts), and a row whose
 * status is no longer in `from` is simply left alone: a compare-and-set per row, in one statement.
 */
export const MESSAGE_TRANSITIONS = {
  /** A dispatcher takes it, before calling the provider: "sending" means "look up before any resend". */
  claim: { from: ["queued"], to: ["sending"] },
  /** At the moment of sending, the number is on the suppression list (a promotion): never sent. */
  suppressedAtSend: { from: ["queued"], to: ["cancelled"] },
  /** At the moment of sending, the guest already had as many promotions as the frequency cap allows: never sent. */
  cappedAtSend: { from: ["queued"], to: ["cancelled"] },
  /** Claimed for the next call while the last was with the provider, but the run stopped first: never handed over. */
  release: { from: ["sending"], to: ["queued"] },
  /** The provider's answer: taken (now or held for later), refused, unclear (stays sending), or surely not sent. */
  sendResult: { from: ["sending"], to: ["accepted", "scheduled", "rejected", "sending", "queued"] },
  /** After an interruption, found at the provider ... */
  reconcileFound: { from: ["sending"], to: ["accepted"] },
  /** ... or provably not there: it will be sent. */
  reconcileAbsent: { from: ["sending"], to: ["queued"] },
  /** The campaign was too late to be worth sending. */
  expire: { from: ["queued"], to: ["expired"] },
  /** Staff cancelled the campaign: what CPSMS held, once deleted there (by reference) ... */
  cancelHeld: { from: ["scheduled"], to: ["cancelled"] },
  /** ... and everything not yet handed over. */
  cancel: { from: ["queued", "scheduled"], to: ["cancelled"] },
  /** The guest withdrew consent (or was suppressed or erased) while we still held the message. */
  withdraw: { from: ["queued"], to: ["cancelled"] },
  /** A withdrawn guest's message, deleted at CPSMS before it went out. */
  deleteHeld: { from: ["scheduled"], to: ["cancelled"] },
  /** CPSMS deleted the whole request (a withdrawal or a new time): handed over again by the dispatcher. */
  takeBack: { from: ["scheduled"], to: ["queued"] },
  /** A CPSMS delivery report's verdict; "unknown" too: a late report is still news. */
  report: { from: ["sending", "scheduled", "accepted", "buffered", "unknown"], to: ["delivered", "undelivered"] },
  /** A "buffered" report: never after a verdict, but it beats our own "accepted" write or a given-up "unknown". */
  reportBuffered: { from: ["sending", "scheduled", "accepted", "unknown"], to: ["buffered"] },
  /** The poller's verdict (CPSMS log, smsapp.pk history) ... */
  pollVerdict: { from: ["scheduled", "accepted", "buffered"], to: ["delivered", "undelivered"] },
  /** ... or word that the phone is out of reach ... */
  pollBuffered: { from: ["scheduled", "accepted"], to: ["buffered"] },
  /** ... or CPSMS's log showing a held message went out at its time. */
  pollSent: { from: ["scheduled"], to: ["accepted"] },
  /** No final word within the follow-up horizon: we stop asking and say so. */
  giveUp: { from: ["accepted", "buffered", "scheduled"], to: ["unknown"] },
} as const satisfies Record<string, Transition>;

export type MessageChange = keyof typeof MESSAGE_TRANSITIONS;

/** A provider has (or may have) these: a withdrawal can't cancel them on the spot, only ask for them to be deleted. */
export const WITH_PROVIDER: readonly MessageStatus[] = ["sending", "scheduled"];
export const isWithProvider = (status: string): boolean => (WITH_PROVIDER as readonly string[]).includes(status);

/** What only a delivery report sets: the provider's answer to the send, arriving after it, keeps the status. */
export const REPORTED: readonly MessageStatus[] = [
  ...MESSAGE_TRANSITIONS.report.to,
  ...MESSAGE_TRANSITIONS.reportBuffered.to,
];

/** The statuses `event` may move a message from. */
export function messageSources(event: MessageChange): readonly MessageStatus[] {
  return MESSAGE_TRANSITIONS[event].from;
}

/** Whether `event` may move a message in `status` to `to` (its only target when not given). */
export function messageEventAllowed(event: MessageChange, status: MessageStatus, to?: MessageStatus): boolean {
  const t: Transition = MESSAGE_TRANSITIONS[event];
  return t.from.includes(status) && (to === undefined ? t.to.length === 1 : t.to.includes(to));
}

/** Whether any event moves a message from one status to another. */
export function canMessageTransition(from: MessageStatus, to: MessageStatus): boolean {
  return Object.values(MESSAGE_TRANSITIONS).some((t: Transition) => t.from.includes(from) && t.to.includes(to));
}

/** The one status `event` leads to. */
export function messageTarget(event: MessageChange): MessageStatus {
  const targets: readonly MessageStatus[] = MESSAGE_TRANSITIONS[event].to;
  if (targets.length !== 1) throw new Error(`message event ${event} has several targets: name one`);
  return targets[0] as MessageStatus;
}
