import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaignMessages, campaigns, messageEvents } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { cpsmsSession } from "@/lib/sms/cpsms/adapter";
import { createCpsmsClient } from "@/lib/sms/cpsms/client";
import { smsappSession } from "@/lib/sms/smsapp/adapter";
import { createSmsappClient } from "@/lib/sms/smsapp/client";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import type { FaultRuleInput } from "@/sandbox/shared/faults";
import { phoneNumbers, quickCampaign, statusCounts } from "@/tests/support/campaigns";
import { insertUser } from "@/tests/support/factories";
import { cancelCampaign } from "./campaign-controls";
import { claimBatch } from "./claim-batch";
import { dispatchCampaign } from "./dispatch-campaign";
import { pollDeliveryStatus } from "./poll-delivery";
import type { ProviderSessionFactory } from "./provider-session";

/**
 * Issue #7 fault suite: every sandbox fault, on both providers, during a real dispatch. For each one: every
 * message ends in a defined state, the provider never gets a number twice, and whatever reason is stored is
 * plain words for a manager (no stack trace, no status dump, no credentials). Then the fault is lifted, the
 * campaign resumed, and everyone not refused gets exactly one message.
 */

// Distinctive credentials, so a leak into a reason or an event is unmistakable.
const SECRETS = {
  cpsmsUser: "faultsuite-user",
  cpsmsKey: "FAULTSUITE-cpsms-key-5c1e9b7d2a",
  smsappToken: "FAULTSUITE-smsapp-token-8e4f2c6a1b",
};
const RECIPIENTS = 120;
const BATCH = { cpsms: 25, smsapp: 25 };
// smsapp.pk sends from the account's default sender in bulk, from any other sender one by one (/sms/send).
const VARIANTS = [
  { label: "cpsms", provider: "cpsms", sender: null, path: "/send" },
  { label: "smsapp bulk", provider: "smsapp", sender: null, path: "/sms/send-bulk-messages" },
  { label: "smsapp single sends", provider: "smsapp", sender: "Bistro", path: "/sms/send" },
] as const;

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({
    cpsms: { credit: 1_000_000, username: SECRETS.cpsmsUser, apiKey: SECRETS.cpsmsKey },
    smsapp: { balance: 1_000_000, apiToken: SECRETS.smsappToken },
  });
});
afterAll(() => sandboxes.stop());
beforeEach(() => {
  for (const s of [sandboxes.cpsms, sandboxes.smsapp]) {
    s.state.reset();
    s.state.setBalance(1_000_000);
  }
});

const noSleep = async () => {};
/** Like the app's sessions, but with a short timeout so a hung provider costs a second, not ten. */
const sessions: ProviderSessionFactory = async (provider) =>
  provider === "cpsms"
    ? cpsmsSession(
        createCpsmsClient({
          baseUrl: sandboxes.cpsms.url,
          username: SECRETS.cpsmsUser,
          apiKey: SECRETS.cpsmsKey,
          timeoutMs: 1000,
          retry: { sleep: noSleep },
        }),
        "sandbox",
      )
    : smsappSession(
        createSmsappClient({
          baseUrl: sandboxes.smsapp.url,
          apiToken: SECRETS.smsappToken,
          defaultSenderId: "CafeRose",
          timeoutMs: 1000,
          retry: { sleep: noSleep },
        }),
        "sandbox",
      );
const options = { sessions, sleep: noSleep, batchSize: BATCH };

type Provider = "cpsms" | "smsapp";
type Case = {
  name: string;
  rule: Omit<FaultRuleInput, "path">;
  /** "complete": the fault is absorbed; "paused": sending stops with a reason (messages stay queued). */
  expect: "complete" | "paused";
  /** The paused reason must say this (case-insensitive). */
  reason?: RegExp;
  /** How many recipients the fault refuses outright (207 partial). */
  refused?: number;
};

const CASES: Case[] = [
  { name: "latency spike", rule: { delayMs: 600, times: 3 }, expect: "complete" },
  { name: "500 before acting", rule: { fault: { type: "status", status: 500 } }, expect: "complete" },
  { name: "500 after sending", rule: { phase: "after", fault: { type: "status", status: 500 } }, expect: "complete" },
  {
    name: "500 outage",
    rule: { times: "always", fault: { type: "status", status: 500 } },
    expect: "paused",
    reason: /problems on their side/i,
  },
  {
    name: "503 with Retry-After",
    rule: { times: 2, fault: { type: "status", status: 503, retryAfterSeconds: 1 } },
    expect: "complete",
  },
  {
    name: "503 with Retry-After outage",
    rule: { times: "always", fault: { type: "status", status: 503, retryAfterSeconds: 1 } },
    expect: "paused",
    reason: /problems on their side/i,
  },
  { name: "429", rule: { times: 2, fault: { type: "status", status: 429 } }, expect: "complete" },
  // A rate limit is waited out, never counted as a failure: well past the 3 failed rounds that pause on errors.
  { name: "429 for a while", rule: { times: 12, fault: { type: "status", status: 429 } }, expect: "complete" },
  // Only after half an hour of asking us to slow down does sending pause, saying so.
  {
    name: "429 persistent",
    rule: { times: "always", fault: { type: "status", status: 429 } },
    expect: "paused",
    reason: /kept asking us to slow down/i,
  },
  { name: "hang before acting (timeout)", rule: { fault: { type: "hang" } }, expect: "complete" },
  { name: "hang after sending (timeout)", rule: { phase: "after", fault: { type: "hang" } }, expect: "complete" },
  { name: "connection reset before acting", rule: { fault: { type: "reset" } }, expect: "complete" },
  { name: "connection reset after sending", rule: { phase: "after", fault: { type: "reset" } }, expect: "complete" },
  { name: "malformed JSON", rule: { fault: { type: "malformed" } }, expect: "complete" },
  { name: "malformed JSON after sending", rule: { phase: "after", fault: { type: "malformed" } }, expect: "complete" },
  {
    name: "207 partial (some recipients refused)",
    rule: { times: "always", fault: { type: "recipient_failure", recipients: ["@refused"] } },
    expect: "complete",
    refused: 2,
  },
  {
    name: "401",
    rule: { times: "always", fault: { type: "status", status: 401 } },
    expect: "paused",
    reason: /login details/i,
  },
  {
    name: "402",
    rule: { times: "always", fault: { type: "status", status: 402 } },
    expect: "paused",
    reason: /credit/i,
  },
  {
    name: "403",
    rule: { times: "always", fault: { type: "status", status: 403 } },
    expect: "paused",
    reason: /refused the request/i,
  },
];

/** Things a manager should never see in a reason. */
function expectPlainReason(text: string | null | undefined) {
  expect(text, "a reason is given").toBeTruthy();
  const reason = String(text);
  expect(reason.length).toBeLessThan(400);
  for (const secret of Object.values(SECRETS)) expect(reason).not.toContain(secret);
  expect(reason).not.toMatch(/\n\s+at |Error:|ECONN|EPIPE|UND_ERR|undefined|null|\[object|stack|failed with [a-z_]+/);
  expect(reason).not.toMatch(/[{}<>]/); // no JSON or HTML dumps
}

const handsets = (provider: Provider) => sandboxes[provider].state.handsets() as Record<string, unknown[]>;

async function rows(campaignId: string) {
  return getDb()
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      status: campaignMessages.status,
      errorMessage: campaignMessages.errorMessage,
    })
    .from(campaignMessages)
    .where(eq(campaignMessages.campaignId, campaignId));
}

async function campaignRow(id: string) {
  const [row] = await getDb().select().from(campaigns).where(eq(campaigns.id, id));
  return row!;
}

/** The provider got no number more than once. */
function expectNoDuplicates(provider: Provider) {
  const twice = Object.entries(handsets(provider)).filter(([, messages]) => messages.length > 1);
  expect(twice, "numbers that got more than one message").toEqual([]);
}

describe.each(VARIANTS)("fault suite: $label", ({ provider, sender, path }) => {
  it.each(CASES)("$name", async (c) => {
    const phones = phoneNumbers(provider, RECIPIENTS, 700_000);
    const campaign = await quickCampaign(provider, phones, { sender });
    const refusedPhones = c.refused ? phones.slice(3, 3 + c.refused) : [];
    const rule =
      c.rule.fault?.type === "recipient_failure"
        ? { ...c.rule, fault: { ...c.rule.fault, recipients: refusedPhones.map((p) => p.slice(1)) } }
        : c.rule;
    const fault = sandboxes[provider].state.addFault({ path, ...rule });

    const outcome = await dispatchCampaign(getDb(), campaign.id, options);
    expect(outcome).toBe(c.expect === "complete" ? "finished" : "paused");
    expect(
      sandboxes[provider].state.requests({ path }).filter((r) => r.faultId === fault.id).length,
      "the fault was hit",
    ).toBeGreaterThan(0);
    expectNoDuplicates(provider);

    // Every message is in a defined state; nothing is left "sending" (unknown).
    const first = await rows(campaign.id);
    const allowed =
      c.expect === "complete"
        ? ["accepted", "delivered", "rejected", "failed"]
        : ["accepted", "delivered", "rejected", "failed", "queued"];
    expect(
      first.filter((r) => !allowed.includes(r.status)),
      "messages in an undefined state",
    ).toEqual([]);
    for (const r of first.filter((r) => r.status === "rejected" || r.status === "failed"))
      expectPlainReason(r.errorMessage);
    const got = handsets(provider);
    for (const r of first) {
      // What we call accepted reached the handset; what we still hold did not.
      const received = (got[r.phone.replace(/^\+/, "")] ?? got[r.phone] ?? []).length;
      if (r.status === "accepted") expect(received, `${r.phone} accepted`).toBe(1);
      if (r.status === "queued") expect(received, `${r.phone} queued`).toBe(0);
    }

    const paused = await campaignRow(campaign.id);
    if (c.expect === "paused") {
      expect(paused.status).toBe("paused");
      expectPlainReason(paused.pauseReason);
      expect(paused.pauseReason).toMatch(c.reason ?? /./);
    } else {
      expect(paused.status).toBe("completed");
    }

    // Events written along the way carry no secrets or stack traces either.
    const events = await getDb()
      .select({ detail: messageEvents.detail })
      .from(messageEvents)
      .where(
        inArray(
          messageEvents.messageId,
          first.map((r) => r.id),
        ),
      );
    for (const e of events) if (e.detail) expectPlainReason(e.detail);

    // Lift the fault and resume: everyone not refused gets exactly one message.
    sandboxes[provider].state.faults.clear();
    if (c.expect === "paused") {
      await getDb()
        .update(campaigns)
        .set({ status: "sending", pauseReason: null })
        .where(eq(campaigns.id, campaign.id));
      expect(await dispatchCampaign(getDb(), campaign.id, options)).toBe("finished");
    }
    const counts = await statusCounts(campaign.id);
    expect(counts).toEqual(
      c.refused ? { accepted: RECIPIENTS - c.refused, rejected: c.refused } : { accepted: RECIPIENTS },
    );
    expectNoDuplicates(provider);
    const received = handsets(provider);
    expect(Object.keys(received)).toHaveLength(RECIPIENTS - refusedPhones.length);
  });
});

describe("fault suite: real credential errors", () => {
  const WRONG = { key: "FAULTSUITE-wrong-key-3d9a0f", token: "FAULTSUITE-wrong-token-71c2" };
  const wrongSessions: ProviderSessionFactory = async (provider) =>
    provider === "cpsms"
      ? cpsmsSession(
          createCpsmsClient({ baseUrl: sandboxes.cpsms.url, username: SECRETS.cpsmsUser, apiKey: WRONG.key }),
          "sandbox",
        )
      : smsappSession(
          createSmsappClient({ baseUrl: sandboxes.smsapp.url, apiToken: WRONG.token, defaultSenderId: "CafeRose" }),
          "sandbox",
        );

  it.each(["cpsms", "smsapp"] as const)(
    "%s: a wrong API key pauses at once with a plain reason and sends nothing",
    async (provider) => {
      const campaign = await quickCampaign(provider, phoneNumbers(provider, 30, 800_000));
      expect(await dispatchCampaign(getDb(), campaign.id, { ...options, sessions: wrongSessions })).toBe("paused");
      expect(await statusCounts(campaign.id)).toEqual({ queued: 30 });
      const row = await campaignRow(campaign.id);
      expectPlainReason(row.pauseReason);
      expect(row.pauseReason).toMatch(/login details|API key|token/i);
      expect(row.pauseReason).not.toContain(WRONG.key);
      expect(row.pauseReason).not.toContain(WRONG.token);
      expect(Object.keys(handsets(provider))).toHaveLength(0);
    },
  );
});

describe("fault suite: the provider's log or history fails while checking", () => {
  // Dispatch also reads: smsapp.pk's history (to mark where a run starts and to reconcile) and CPSMS's log (to
  // reconcile). When those fail past the client's retries the campaign pauses with a reason, it does not throw.
  it.each([
    ["smsapp", "/sms", 401, /login details/i],
    ["smsapp", "/sms", 500, /problems on their side/i],
    ["cpsms", "/getlog", 500, /problems on their side/i],
    ["cpsms", "/getlog", 403, /refused the request/i],
  ] as const)("%s %s answering %i", async (provider, path, status, reason) => {
    const phones = phoneNumbers(provider, 60, 900_000);
    const campaign = await quickCampaign(provider, phones);
    // CPSMS reads its log only when something is uncertain: make the first send ambiguous.
    if (provider === "cpsms")
      sandboxes.cpsms.state.addFault({ path: "/send", phase: "after", fault: { type: "status", status: 500 } });
    sandboxes[provider].state.addFault({ method: "GET", path, times: "always", fault: { type: "status", status } });

    expect(await dispatchCampaign(getDb(), campaign.id, options)).toBe("paused");
    const row = await campaignRow(campaign.id);
    expect(row.status).toBe("paused");
    expectPlainReason(row.pauseReason);
    expect(row.pauseReason).toMatch(reason);
    expect(row.leaseOwner).toBeNull();
    expectNoDuplicates(provider);

    sandboxes[provider].state.faults.clear();
    await getDb().update(campaigns).set({ status: "sending", pauseReason: null }).where(eq(campaigns.id, campaign.id));
    expect(await dispatchCampaign(getDb(), campaign.id, options)).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 60 });
    expectNoDuplicates(provider);
    expect(Object.keys(handsets(provider))).toHaveLength(60);
  });
});

describe("fault suite: cancelling a CPSMS-held send while CPSMS fails", () => {
  it.each([
    ["refused before acting", { fault: { type: "status", status: 500 } }],
    ["deleted but the answer was lost", { phase: "after", fault: { type: "status", status: 500 } }],
    ["timed out after deleting", { phase: "after", fault: { type: "hang" } }],
  ] as const)(
    "a cancel that fails part-way (%s) says so plainly, and cancelling again finishes the job",
    async (_, rule) => {
      const owner = await insertUser({ role: "owner" });
      const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 250, 950_000), {
        scheduledAt: new Date(Date.now() + 3600_000),
      });
      expect(await dispatchCampaign(getDb(), campaign.id, { ...options, batchSize: { cpsms: 100 } })).toBe(
        "handed-over",
      );
      expect(await statusCounts(campaign.id)).toEqual({ scheduled: 250 });

      // The first delete goes through, the second meets an outage.
      sandboxes.cpsms.state.addFault({ path: "/deletesms", times: 1 });
      sandboxes.cpsms.state.addFault({ path: "/deletesms", times: 1, ...rule });
      const failed = await cancelCampaign(getDb(), owner, campaign.id, sessions).then(
        () => null,
        (err: Error) => err,
      );
      // The reason as the manager reads it (an AppError's message is a catalogue key, spelled out when shown).
      const reason =
        failed instanceof AppError ? await localizeMessage(failed.message, failed.values, "en") : failed?.message;
      expect(reason).toMatch(/CPSMS/);
      expectPlainReason(reason);
      expect((await campaignRow(campaign.id)).status).toBe("scheduled");
      // Those deleted at CPSMS (one reference's worth) are cancelled already; the rest are still held there.
      const partly = await statusCounts(campaign.id);
      expect(partly.cancelled).toBeGreaterThan(0); // batch sizes vary with concurrent claims
      expect(partly.cancelled).toBeLessThan(250);
      expect(partly.scheduled).toBe(250 - partly.cancelled!);

      sandboxes.cpsms.state.faults.clear();
      await cancelCampaign(getDb(), owner, campaign.id, sessions);
      expect((await campaignRow(campaign.id)).status).toBe("cancelled");
      expect(await statusCounts(campaign.id)).toEqual({ cancelled: 250 });
      await sandboxes.cpsms.state.advance(2 * 3600_000);
      expect(Object.keys(handsets("cpsms")), "nobody gets a cancelled message").toHaveLength(0);
    },
  );
});

describe("fault suite: delivery polling while the provider fails", () => {
  it.each([
    ["smsapp", "/sms*", { type: "status", status: 500 }],
    ["smsapp", "/sms*", { type: "malformed" }],
    ["smsapp", "/sms*", { type: "status", status: 401 }],
    ["cpsms", "/getlog", { type: "status", status: 503, retryAfterSeconds: 1 }],
    ["cpsms", "/getlog", { type: "reset" }],
    ["cpsms", "/getlog", { type: "malformed" }],
  ] as const)(
    "%s %s %o: nothing changes, nothing throws; the verdicts come once it recovers",
    async (provider, path, fault) => {
      const campaign = await quickCampaign(provider, phoneNumbers(provider, 20, 990_000));
      expect(await dispatchCampaign(getDb(), campaign.id, options)).toBe("finished");
      await sandboxes[provider].state.settle();

      sandboxes[provider].state.addFault({ method: "GET", path, times: "always", fault });
      expect(await pollDeliveryStatus(getDb(), sessions, { campaignId: campaign.id })).toMatchObject({ updated: 0 });
      expect(await statusCounts(campaign.id)).toEqual({ accepted: 20 });

      sandboxes[provider].state.faults.clear();
      // The failed look-up counts as a look (polling backs off); an hour later the messages are due again.
      await getDb().execute(
        sql`update campaign_messages set status_changed_at = now() - interval '61 minutes' where campaign_id = ${campaign.id}`,
      );
      expect((await pollDeliveryStatus(getDb(), sessions, { campaignId: campaign.id })).updated).toBeGreaterThan(0);
      const counts = await statusCounts(campaign.id);
      expect((counts.delivered ?? 0) + (counts.undelivered ?? 0)).toBeGreaterThan(0);
      expect(Object.keys(counts).every((s) => ["accepted", "delivered", "undelivered"].includes(s))).toBe(true);
    },
  );
});

describe("fault suite: a dispatcher stalled past its lease", () => {
  const slow = {
    cpsms: { lookUp: "/getlog", send: "/send" },
    smsapp: { lookUp: "/sms", send: "/sms/send-bulk-messages" },
  } as const;

  it.each(["smsapp", "cpsms"] as const)(
    "%s: once another has taken over, it neither requeues, claims nor pauses (nobody texted twice)",
    async (provider) => {
      const campaign = await quickCampaign(provider, phoneNumbers(provider, 100, 970_000));
      // A crash left every message "sending"; none reached the provider. (With queued ones too, A would send
      // those while it looks up: a takeover then means A was frozen mid-send, which the lanes' lease check covers.)
      await getDb().update(campaigns).set({ status: "sending" }).where(eq(campaigns.id, campaign.id));
      await claimBatch(getDb(), campaign.id, 100);
      // Dispatcher A's look-up is slow; every send is slow too.
      sandboxes[provider].state.addFault({ method: "GET", path: slow[provider].lookUp, times: 1, delayMs: 800 });
      sandboxes[provider].state.addFault({ method: "POST", path: slow[provider].send, times: "always", delayMs: 900 });
      const a = dispatchCampaign(getDb(), campaign.id, options);
      await new Promise((r) => setTimeout(r, 300));
      // A stalls past its lease (simulated by running it out); B, started by the sweep, takes over.
      await getDb()
        .update(campaigns)
        .set({ leaseUntil: sql`now() - interval '1 second'` })
        .where(eq(campaigns.id, campaign.id));
      const b = dispatchCampaign(getDb(), campaign.id, options);
      expect(await Promise.all([a, b])).toEqual(["stopped", "finished"]);
      expectNoDuplicates(provider);
      expect((await campaignRow(campaign.id)).status).toBe("completed");
      expect(await statusCounts(campaign.id)).toEqual({ accepted: 100 });
      expect(Object.keys(handsets(provider))).toHaveLength(100);
    },
  );
});
