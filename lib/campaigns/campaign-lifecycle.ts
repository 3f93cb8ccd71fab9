// Plain data and pure functions (no database, no drizzle): the campaign page's client components ask it too.
// Messages have their own machine in message-lifecycle.ts: another table, other writers, a dozen more states.
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";
import type { CampaignOrigin } from "@/drizzle/schema/campaigns";
import { hasRole } from "@/lib/auth/roles";
import { isSignupText } from "./campaign-origin";

type Transition = {
  from: readonly CampaignStatus[];
  to: readonly CampaignStatus[];
  /** Not while CPSMS holds the campaign (scheduled at CPSMS): only a cancel, which deletes it there, can stop it. */
  notWhileHeld?: true;
};

/**
 * Every way a campaign's status may change, by event: who changes it, from which statuses, to which. A campaign
 * is written as draft (a staff draft), queued (send now) or scheduled (send later); the rest happens here. The
 * writers apply these with transitionCampaign (apply-transition.ts), a compare-and-set, never read-then-write.
 */
export const CAMPAIGN_TRANSITIONS = {
  /** A manager approves a staff draft (campaign-controls.ts). */
  approve: { from: ["draft"], to: ["queued", "scheduled"] },
  /** Staff pause: sending stops after the batch in flight. */
  pause: { from: ["queued", "sending", "scheduled"], to: ["paused"], notWhileHeld: true },
  /** Staff resume: scheduled again when its time hasn't come and it never started, else sending. */
  resume: { from: ["paused"], to: ["sending", "scheduled"] },
  /** Staff cancel what hasn't gone out. */
  cancel: { from: ["draft", "queued", "sending", "paused", "scheduled"], to: ["cancelled"] },
  /** CPSMS refused to delete what it holds: the cancel is undone, since those messages will still go out. */
  cancelRefused: { from: ["cancelled"], to: ["scheduled"] },
  /** Moving a CPSMS-held send to another time: held back while it is deleted at CPSMS ... */
  rescheduleHold: { from: ["scheduled"], to: ["paused"] },
  /** ... and handed over again (or back, if CPSMS refused) afterwards (reschedule-campaign.ts). */
  rescheduleRelease: { from: ["paused"], to: ["scheduled"] },
  /** The dispatcher starts (or, after a crash, resumes) sending; fenced by its lease (dispatch-campaign.ts). */
  start: { from: ["queued", "scheduled", "sending"], to: ["sending"] },
  /** The provider keeps failing (or is out of credit): the dispatcher pauses it with the reason. */
  providerPause: { from: ["queued", "sending", "scheduled"], to: ["paused"] },
  /** Past its expiry when the dispatcher got to it: nothing is sent. */
  expire: { from: ["queued", "scheduled", "sending"], to: ["completed"] },
  /** Everything handed to the provider. */
  finish: { from: ["sending", "scheduled"], to: ["completed"] },
  /** Everything handed to CPSMS for later: it stays scheduled until CPSMS confirms (see heldSent). */
  handOver: { from: ["sending", "scheduled"], to: ["scheduled"] },
  /** A CPSMS-held send whose time has passed and whose messages CPSMS confirmed (sweep-campaigns.ts). */
  heldSent: { from: ["scheduled"], to: ["completed"] },
} as const satisfies Record<string, Transition>;

export type CampaignChange = keyof typeof CAMPAIGN_TRANSITIONS;

/** How a campaign is written: a staff draft waits for approval; approved, it is scheduled or queued at once. */
export function initialCampaignStatus(input: { approved: boolean; scheduledAt: Date | null }): CampaignStatus {
  if (!input.approved) return "draft";
  return input.scheduledAt ? "scheduled" : "queued";
}

/** While a campaign is in one of these, its dispatcher may hand messages to the provider (held ones: for later). */
export const HANDING_OVER = ["sending", "scheduled"] as const satisfies readonly CampaignStatus[];

/** Going out now or about to: pages showing one refresh themselves until it settles. */
export const IN_PROGRESS = ["queued", "sending"] as const satisfies readonly CampaignStatus[];
export const isInProgress = (status: CampaignStatus): boolean =>
  (IN_PROGRESS as readonly CampaignStatus[]).includes(status);

/** A send time can still move (the status stays): a scheduled campaign, or a draft written for a time. */
export const RESCHEDULABLE = ["draft", "scheduled"] as const satisfies readonly CampaignStatus[];
/** Failures aren't final while a campaign is (about to be) going out, so no resend yet. */
const STILL_GOING = ["draft", "queued", "sending"] as const satisfies readonly CampaignStatus[];

type CampaignState = { status: CampaignStatus; heldByProvider?: boolean };

/** Whether `event` may happen to a campaign in this state (held: CPSMS holds it, scheduled at CPSMS). */
export function campaignEventAllowed(event: CampaignChange, state: CampaignState): boolean {
  const transition: Transition = CAMPAIGN_TRANSITIONS[event];
  if (!transition.from.includes(state.status)) return false;
  return !(transition.notWhileHeld && state.heldByProvider && state.status === "scheduled");
}

/** Whether any event moves a campaign from one status to another. */
export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return Object.values(CAMPAIGN_TRANSITIONS).some((t: Transition) => t.from.includes(from) && t.to.includes(to));
}

/** The one status `event` leads to, or `to` after checking the event may lead there. */
export function campaignTarget(event: CampaignChange, to?: CampaignStatus): CampaignStatus {
  const targets: readonly CampaignStatus[] = CAMPAIGN_TRANSITIONS[event].to;
  const target = to ?? (targets.length === 1 ? targets[0] : undefined);
  if (!target || !targets.includes(target)) throw new Error(`campaign event ${event} can't lead to ${to ?? "?"}`);
  return target;
}

export type CampaignControlsInput = {
  status: CampaignStatus;
  /** CPSMS holds its messages until the send time (scheduled_via = 'provider'). */
  heldByProvider: boolean;
  role: "owner" | "manager" | "staff";
  hasSendTime: boolean;
  /** Its send time has passed. */
  due: boolean;
  /** Inside CPSMS's 10-minute lock: nothing can be deleted there any more. */
  cancelLocked: boolean;
  /** Recipients whose message failed (worth a resend). */
  failed: number;
  /** Who wrote it: staff, or the sign-up page (its confirmation and welcome texts). */
  origin: CampaignOrigin;
};

export type CampaignControls = {
  approve: boolean;
  pause: boolean;
  resume: boolean;
  /** "locked": shown but disabled (CPSMS's lock), so staff see why they can't. */
  cancel: boolean | "locked";
  reschedule: boolean;
  resendFailed: boolean;
  /** A staff member looking at a draft: say a manager must approve it. */
  awaitsApproval: boolean;
};

const isIn = (list: readonly CampaignStatus[], status: CampaignStatus) => list.includes(status);

/**
 * Which controls the campaign page offers, from the same transitions the writers are held to. A sign-up text
 * (the sign-up page's confirmation or welcome, one guest each) can be stopped like any campaign, but not moved or
 * sent again by staff: its time is the sign-up flow's (quiet hours), and a resend would skip the hourly cap on
 * confirmation texts and carry a confirmation link that may have expired; the guest can simply sign up again.
 */
export function campaignControls(input: CampaignControlsInput): CampaignControls {
  const state = { status: input.status, heldByProvider: input.heldByProvider };
  const manager = hasRole(input.role, "manager");
  const staffWritten = !isSignupText(input.origin);
  const allowed = (event: CampaignChange) => manager && campaignEventAllowed(event, state);
  const cancel = allowed("cancel");
  return {
    approve: allowed("approve"),
    pause: allowed("pause"),
    resume: allowed("resume"),
    cancel: cancel && input.cancelLocked && input.status === "scheduled" ? "locked" : cancel,
    // A draft's time can move too (it is approved for the new one); a due send is beyond moving.
    reschedule: manager && staffWritten && input.hasSendTime && !input.due && isIn(RESCHEDULABLE, input.status),
    resendFailed: manager && staffWritten && input.failed > 0 && !isIn(STILL_GOING, input.status),
    awaitsApproval: !manager && input.status === "draft",
  };
}
