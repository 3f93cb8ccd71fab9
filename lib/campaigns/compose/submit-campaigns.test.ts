import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  campaignMessages,
  campaigns,
  contacts,
  groupMembers,
  groups,
  restaurantSettings,
  suppressions,
} from "@/drizzle/schema";
import { DEFAULT_ROUTES } from "@/lib/campaigns/route-provider";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { hashPhone } from "@/lib/consent/phone-hash";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import type { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { stopBoss } from "@/lib/jobs/boss";
import { DEFAULT_RESTAURANT_SETTINGS } from "@/lib/settings/restaurant-settings";
import { formatInZone, parseLocalDateTime } from "@/lib/time/zoned";
import type { ComposeInput } from "@/lib/validation/compose";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { insertUser } from "@/tests/support/factories";
import { prepareSend } from "./prepare-send";
import { resolveRecipients } from "./resolve-recipients";
import { submitCampaigns } from "./submit-campaigns";

/** A refusal as the manager reads it, in English (an AppError's message is a catalogue key, spelled out when shown). */
const readRefusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "no refusal",
    (err: AppError) => localizeMessage(err.message, err.values, "en"),
  );

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes();
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: new URL(sandboxes.cpsms.url).port,
    SMSAPP_SANDBOX_PORT: new URL(sandboxes.smsapp.url).port,
  });
  // No quiet hours unless a test sets them: these tests run at any hour.
  await getDb()
    .insert(restaurantSettings)
    .values({
      id: 1,
      quietHoursStart: "00:00",
      quietHoursEnd: "00:00",
      timeZone: "Europe/Copenhagen",
      defaultCountry: "DK",
    })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { quietHoursStart: "00:00", quietHoursEnd: "00:00" } });
});
afterAll(async () => {
  await stopBoss();
  await sandboxes.stop();
});
beforeEach(() => {
  sandboxes.cpsms.state.reset();
});

async function guest(consent: "granted" | "withdrawn" | "none", phone: string, firstName = "Mette") {
  const [row] = await getDb()
    .insert(contacts)
    .values({ phone, firstName, consentState: consent, optOutToken: newOptOutToken() })
    .returning();
  return row!;
}
async function groupOf(...ids: string[]) {
  const [g] = await getDb()
    .insert(groups)
    .values({ name: `Regulars ${Math.random()}` })
    .returning();
  if (ids.length)
    await getDb()
      .insert(groupMembers)
      .values(ids.map((contactId) => ({ groupId: g!.id, contactId })));
  return g!;
}
const base = (over: Partial<ComposeInput>): ComposeInput => ({
  name: "Friday happy hour",
  category: "marketing",
  groupIds: [],
  contactIds: [],
  numbers: "",
  message: "Hi {first_name|there}, happy hour 16-18!",
  optOutFooter: true,
  footerLanguage: "en",
  provider: "auto",
  sender: "CafeRose",
  schedule: { mode: "now" },
  ...over,
});
let phoneSeq = 0;
async function withQuietHours(start: string, end: string, run: () => Promise<void>) {
  await getDb()
    .update(restaurantSettings)
    .set({ quietHoursStart: start, quietHoursEnd: end })
    .where(eq(restaurantSettings.id, 1));
  try {
    await run();
  } finally {
    await getDb()
      .update(restaurantSettings)
      .set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" })
      .where(eq(restaurantSettings.id, 1));
  }
}
const dk = () => `+4526${String(100_000 + ++phoneSeq).padStart(6, "0")}`;

describe("resolveRecipients", () => {
  it("keeps consenting guests once, skips opted-out, non-consenting, suppressed, unknown and invalid numbers with reasons", async () => {
    const ok = await guest("granted", dk(), "Ok");
    const withdrawn = await guest("withdrawn", dk(), "Gone");
    const none = await guest("none", dk(), "Never");
    const suppressed = await guest("granted", dk(), "Suppressed");
    await getDb()
      .insert(suppressions)
      .values({ phoneHash: hashPhone(suppressed.phone), source: "staff" });
    const g = await groupOf(ok.id, withdrawn.id, none.id, suppressed.id);
    const stranger = dk();
    const audience = await resolveRecipients(
      getDb(),
      {
        category: "marketing",
        groupIds: [g.id],
        contactIds: [ok.id],
        numbers: `${ok.phone}\n${stranger}\nnot a number\n${stranger}`,
      },
      "DK",
    );
    expect(audience.recipients.map((r) => r.phone)).toEqual([ok.phone]);
    const counts = Object.fromEntries(audience.skipped.map((s) => [s.reason, s.count]));
    expect(counts).toEqual({ invalid: 1, optedOut: 2, noConsent: 1, notInGuestBook: 1, duplicate: 1 });
  });

  it("service messages reach every valid number, consent or not", async () => {
    const none = await guest("none", dk());
    const stranger = dk();
    const audience = await resolveRecipients(
      getDb(),
      { category: "transactional", groupIds: [], contactIds: [none.id], numbers: stranger },
      "DK",
    );
    expect(audience.recipients.map((r) => r.phone).sort()).toEqual([none.phone, stranger].sort());
  });

  it("refuses unknown groups and guests", async () => {
    await expect(
      resolveRecipients(
        getDb(),
        { category: "marketing", groupIds: [crypto.randomUUID()], contactIds: [], numbers: "" },
        "DK",
      ),
    ).rejects.toThrow("Compose.errors.groupGone");
    await expect(
      resolveRecipients(
        getDb(),
        { category: "marketing", groupIds: [], contactIds: [crypto.randomUUID()], numbers: "" },
        "DK",
      ),
    ).rejects.toThrow("Compose.errors.guestGone");
  });
});

describe("submitCampaigns", () => {
  it("writes one campaign per provider with each guest's own text and the opt-out link", async () => {
    const manager = await insertUser({ role: "manager" });
    const dane = await guest("granted", dk(), "Mette");
    const pak = await guest("granted", `+92300${String(2_000_000 + ++phoneSeq).padStart(7, "0")}`, "Ahmed");
    const result = await submitCampaigns(getDb(), manager, base({ contactIds: [dane.id, pak.id] }));
    expect(result.campaigns.map((c) => c.provider).sort()).toEqual(["cpsms", "smsapp"]);
    const ids = result.campaigns.map((c) => c.id);
    const rows = await getDb().select().from(campaignMessages).where(inArray(campaignMessages.campaignId, ids));
    const byPhone = new Map(rows.map((r) => [r.phone, r.body]));
    expect(byPhone.get(dane.phone)).toMatch(
      new RegExp(`^Hi Mette, happy hour 16-18!\\nStop: http.*/o/${dane.optOutToken}$`),
    );
    expect(byPhone.get(pak.phone)).toContain("Hi Ahmed");
    const created = await getDb().select().from(campaigns).where(inArray(campaigns.id, ids));
    expect(created.every((c) => c.status === "queued" && c.approvedById === manager.id)).toBe(true);
  });

  it("a staff member's campaign is a draft waiting for approval", async () => {
    const staff = await insertUser({ role: "staff" });
    const g = await guest("granted", dk());
    const result = await submitCampaigns(getDb(), staff, base({ contactIds: [g.id], provider: "cpsms" }));
    expect(result.campaigns[0]?.status).toBe("draft");
  });

  it.each([
    [
      "a past time",
      { schedule: { mode: "later", localDateTime: "2020-01-01T12:00", expireAfterMinutes: null } },
      "Compose.errors.timePassed",
    ],
    [
      "a malformed time",
      { schedule: { mode: "later", localDateTime: "2026-02-30T12:00", expireAfterMinutes: null } },
      "Errors.dateTime.noSuchDate",
    ],
    ["an unknown merge field", { message: "Hi {frist_name}" }, "Compose.issues.unknownFieldSuggest"],
    ["no opt-out in a promotion", { optOutFooter: false }, "Compose.issues.optOutMissing"],
    ["an invalid sender", { sender: "Café Rose!" }, "Compose.errors.senderRefused"],
    ["an over-long message", { message: "x".repeat(1529) }, "Compose.errors.tooLongFor"],
    [
      "an audience empty after suppression",
      { contactIds: [] as string[], numbers: "+4520999999" },
      "Compose.errors.noOneLeft",
    ],
  ] as const)("refuses %s and writes nothing", async (_label, over, error) => {
    const manager = await insertUser({ role: "manager" });
    const g = await guest("granted", dk());
    await expect(
      submitCampaigns(
        getDb(),
        manager,
        base({ contactIds: [g.id], provider: "cpsms", ...(over as Partial<ComposeInput>) }),
      ),
    ).rejects.toThrow(error);
    // Only this manager's campaigns: other test files write campaigns into the same database at the same time.
    expect(
      await getDb().select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.createdById, manager.id)),
    ).toEqual([]);
  });

  it("refuses a promotion in quiet hours and names the first allowed time", async () => {
    const manager = await insertUser({ role: "manager" });
    const g = await guest("granted", dk());
    await getDb()
      .update(restaurantSettings)
      .set({ quietHoursStart: "00:00", quietHoursEnd: "23:59" })
      .where(eq(restaurantSettings.id, 1));
    try {
      await expect(
        readRefusal(submitCampaigns(getDb(), manager, base({ contactIds: [g.id], provider: "cpsms" }))),
      ).resolves.toMatch(/quiet hours.*earliest time allowed/);
      // Service messages are not held.
      await expect(
        submitCampaigns(
          getDb(),
          manager,
          base({ category: "transactional", optOutFooter: false, contactIds: [g.id], provider: "cpsms" }),
        ),
      ).resolves.toBeTruthy();
    } finally {
      await getDb()
        .update(restaurantSettings)
        .set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" })
        .where(eq(restaurantSettings.id, 1));
    }
  });

  it("a staff draft saves during quiet hours: they apply when it is sent, not when it is written", async () => {
    const staff = await insertUser({ role: "staff" });
    const g = await guest("granted", dk());
    await withQuietHours("00:00", "23:59", async () => {
      const result = await submitCampaigns(getDb(), staff, base({ contactIds: [g.id], provider: "cpsms" }));
      expect(result.campaigns[0]?.status).toBe("draft");
    });
  });

  it("holds each guest by their own zone: at 07:00 in Copenhagen a Pakistani guest may get a promotion, a Dane not", async () => {
    const dane = await guest("granted", dk(), "Mette");
    const pak = await guest("granted", `+92300${String(2_000_000 + ++phoneSeq).padStart(7, "0")}`, "Ahmed");
    const tomorrow = formatInZone(new Date(Date.now() + 86_400_000), "Europe/Copenhagen", "yyyy-MM-dd");
    const at = parseLocalDateTime(`${tomorrow}T07:00`, "Europe/Copenhagen");
    if (!at.ok) throw new Error(at.reason.key);
    // Settings passed in, not saved: other test files share the settings row and run at the same time.
    const settings = {
      ...DEFAULT_RESTAURANT_SETTINGS,
      routes: DEFAULT_ROUTES,
      quietHoursStart: "20:00",
      quietHoursEnd: "09:00",
    };
    const options = { at: at.date, checkBalance: false, checkQuietHours: true, settings };
    const pakOnly = await prepareSend(getDb(), base({ contactIds: [pak.id] }), options);
    expect(pakOnly.plans.map((p) => p.provider)).toEqual(["smsapp"]);
    // Routed to both providers: the CPSMS send is held until Copenhagen's 09:00.
    await expect(readRefusal(prepareSend(getDb(), base({ contactIds: [dane.id, pak.id] }), options))).resolves.toMatch(
      /quiet hours.*Denmark \(e\.g\. \+45 .*CPSMS\.dk send.*earliest time allowed for every guest of that send is .*, 09:00/,
    );
  });

  it("refuses a send the balance can't cover, naming both figures", async () => {
    const manager = await insertUser({ role: "manager" });
    const g = await guest("granted", dk());
    sandboxes.cpsms.state.setBalance(0.5);
    await expect(submitCampaigns(getDb(), manager, base({ contactIds: [g.id], provider: "cpsms" }))).rejects.toThrow(
      "Compose.errors.notEnoughCredit",
    );
  });

  it("smsapp.pk without a sender goes out under the account's own default sender ID (no sender stored, so none is claimed)", async () => {
    const manager = await insertUser({ role: "manager" });
    const pak = await guest("granted", `+92300${String(2_000_000 + ++phoneSeq).padStart(7, "0")}`);
    const result = await submitCampaigns(getDb(), manager, base({ contactIds: [pak.id], sender: "" }));
    const [row] = await getDb()
      .select({ sender: campaigns.sender })
      .from(campaigns)
      .where(eq(campaigns.id, result.campaigns[0]!.id));
    expect(row?.sender).toBeNull();
  });
});
