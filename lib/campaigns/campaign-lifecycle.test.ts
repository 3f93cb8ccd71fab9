import { describe, expect, it } from "vitest";
import { CAMPAIGN_STATUSES, type CampaignStatus, MESSAGE_STATUSES } from "@/drizzle/schema/campaign-statuses";
import {
  CAMPAIGN_TRANSITIONS,
  type CampaignControlsInput,
  campaignControls,
  campaignEventAllowed,
  campaignTarget,
  canTransition,
} from "./campaign-lifecycle";
import { canMessageTransition, MESSAGE_TRANSITIONS, messageEventAllowed, messageTarget } from "./message-lifecycle";

describe("campaign lifecycle", () => {
  it("refuses every illegal class of transition", () => {
    // Nothing leaves "completed": a sent campaign can't be paused, cancelled or sent again.
    for (const to of CAMPAIGN_STATUSES) expect(canTransition("completed", to)).toBe(false);
    // Cancelled stays cancelled, except when CPSMS refused the delete (its messages will still go out).
    expect(CAMPAIGN_STATUSES.filter((to) => canTransition("cancelled", to))).toEqual(["scheduled"]);
    expect(canTransition("cancelled", "sending")).toBe(false);
    // A draft goes out only once approved.
    expect(canTransition("draft", "sending")).toBe(false);
    expect(canTransition("draft", "completed")).toBe(false);
    // A paused campaign goes nowhere by itself: only staff resume or cancel it (or a new time for a held one).
    expect(CAMPAIGN_STATUSES.filter((to) => canTransition("paused", to))).toEqual([
      "scheduled",
      "sending",
      "cancelled",
    ]);
  });

  it("every status is reachable and every status but the final ones can be left", () => {
    const reached = new Set<CampaignStatus>(["draft", "queued", "scheduled"]);
    for (const t of Object.values(CAMPAIGN_TRANSITIONS)) for (const s of t.to) reached.add(s);
    expect([...reached].sort()).toEqual([...CAMPAIGN_STATUSES].sort());
    const leavable = CAMPAIGN_STATUSES.filter((from) => CAMPAIGN_STATUSES.some((to) => canTransition(from, to)));
    expect(leavable).not.toContain("completed");
    expect(leavable).toHaveLength(CAMPAIGN_STATUSES.length - 1);
  });

  it("staff can't pause what CPSMS holds (only cancel it there); the dispatcher never starts a stopped campaign", () => {
    expect(campaignEventAllowed("pause", { status: "scheduled", heldByProvider: true })).toBe(false);
    expect(campaignEventAllowed("pause", { status: "scheduled", heldByProvider: false })).toBe(true);
    expect(campaignEventAllowed("cancel", { status: "scheduled", heldByProvider: true })).toBe(true);
    for (const status of ["cancelled", "completed", "paused", "draft"] as const)
      expect(campaignEventAllowed("start", { status })).toBe(false);
  });

  it("names a target only where the event leads there", () => {
    expect(campaignTarget("cancel")).toBe("cancelled");
    expect(campaignTarget("approve", "scheduled")).toBe("scheduled");
    expect(() => campaignTarget("approve")).toThrow();
    expect(() => campaignTarget("pause", "sending")).toThrow();
  });
});

describe("message lifecycle", () => {
  it("refuses every illegal class of transition", () => {
    // Verdicts are final: nothing moves a delivered, failed or stopped message.
    for (const from of ["delivered", "undelivered", "rejected", "failed", "cancelled", "expired"] as const)
      for (const to of MESSAGE_STATUSES) expect(canMessageTransition(from, to)).toBe(false);
    // Never backwards to "not yet sent" once the provider confirmed it.
    for (const from of ["accepted", "buffered", "unknown"] as const) {
      expect(canMessageTransition(from, "queued")).toBe(false);
      expect(canMessageTransition(from, "sending")).toBe(false);
    }
    // A late "buffered" never overrides a verdict; a late verdict does override a given-up "unknown".
    expect(messageEventAllowed("reportBuffered", "delivered")).toBe(false);
    expect(messageEventAllowed("report", "unknown", "delivered")).toBe(true);
    // Only a claim sends; only a queued message is claimed.
    expect(MESSAGE_STATUSES.filter((from) => canMessageTransition(from, "sending"))).toEqual(["queued", "sending"]);
  });

  it("every status but the legacy 'failed' is reachable", () => {
    const reached = new Set<string>(["queued"]);
    for (const t of Object.values(MESSAGE_TRANSITIONS)) for (const s of t.to) reached.add(s);
    expect(MESSAGE_STATUSES.filter((s) => !reached.has(s))).toEqual(["failed"]);
  });

  it("an event with several targets must be told which", () => {
    expect(messageTarget("claim")).toBe("sending");
    expect(() => messageTarget("report")).toThrow();
  });
});

describe("campaign page controls", () => {
  const base: CampaignControlsInput = {
    status: "queued",
    heldByProvider: false,
    role: "manager",
    hasSendTime: false,
    due: false,
    cancelLocked: false,
    failed: 0,
    origin: "compose",
  };
  const shown = (input: Partial<CampaignControlsInput>) =>
    Object.entries(campaignControls({ ...base, ...input }))
      .filter(([, v]) => v)
      .map(([k, v]) => (v === true ? k : `${k}:${v}`));

  it("offers what the transitions allow, by status", () => {
    expect(shown({ status: "draft" })).toEqual(["approve", "cancel"]);
    expect(shown({ status: "draft", hasSendTime: true })).toEqual(["approve", "cancel", "reschedule"]);
    expect(shown({ status: "queued" })).toEqual(["pause", "cancel"]);
    expect(shown({ status: "sending", failed: 2 })).toEqual(["pause", "cancel"]);
    expect(shown({ status: "paused", failed: 2 })).toEqual(["resume", "cancel", "resendFailed"]);
    expect(shown({ status: "completed", failed: 2 })).toEqual(["resendFailed"]);
    expect(shown({ status: "cancelled" })).toEqual([]);
  });

  it("a CPSMS-held send can't be paused, and can't be cancelled or moved inside CPSMS's lock", () => {
    const held = { status: "scheduled", heldByProvider: true, hasSendTime: true } as const;
    expect(shown(held)).toEqual(["cancel", "reschedule"]);
    expect(shown({ ...held, cancelLocked: true })).toEqual(["cancel:locked", "reschedule"]);
    expect(shown({ ...held, due: true })).toEqual(["cancel"]);
    expect(shown({ status: "scheduled", hasSendTime: true })).toEqual(["pause", "cancel", "reschedule"]);
  });

  it("a sign-up text can be stopped, but not moved or sent again", () => {
    for (const origin of ["signup_confirmation", "welcome"] as const) {
      expect(shown({ origin, status: "scheduled", hasSendTime: true })).toEqual(["pause", "cancel"]);
      expect(shown({ origin, status: "paused", failed: 1 })).toEqual(["resume", "cancel"]);
      expect(shown({ origin, status: "completed", failed: 1 })).toEqual([]);
    }
  });

  it("staff see no controls, only that a draft awaits a manager", () => {
    for (const status of CAMPAIGN_STATUSES)
      expect(shown({ status, role: "staff", failed: 3 })).toEqual(status === "draft" ? ["awaitsApproval"] : []);
  });
});
