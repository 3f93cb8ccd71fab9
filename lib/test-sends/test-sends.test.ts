import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, providerSettings, users } from "@/drizzle/schema";
import { suppressPhones } from "@/lib/consent/suppression";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { saveDefaultSender } from "@/lib/providers/provider-settings";
import { MAX_TEST_SENDS_PER_HOUR, sendTestSms } from "@/lib/providers/test-sms";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { sendComposeTest, sendConnectionTest } from "./compose-test";
import { listTestRecipients } from "./recipients";
import { addStaffPhone, removeStaffPhone } from "./staff-phones";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({});
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: String(new URL(sandboxes.cpsms.url).port),
    SMSAPP_SANDBOX_PORT: String(new URL(sandboxes.smsapp.url).port),
  });
});
afterAll(() => sandboxes.stop());
afterEach(async () => {
  await getDb().delete(providerSettings);
});

const msisdn = (e164: string) => e164.replace("+", "");
const compose = {
  message: "Hi {first_name|there}, 2-for-1 tonight!",
  optOutFooter: true,
  footerLanguage: "en" as const,
  provider: "auto" as const,
  sender: "",
  category: "marketing" as const,
};

async function userWithVerifiedPhone(role: "staff" | "manager" | "owner" = "staff") {
  const user = await insertUser({ role });
  const phone = uniqueDkPhone();
  await getDb().update(users).set({ phone, phoneVerifiedAt: new Date() }).where(eq(users.id, user.id));
  return { user, phone };
}

const refusals = (userId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, "provider.test_sms_refused")));

describe("who a test may go to", () => {
  it("only the user's own verified phone or a staff phone; an unverified own phone is refused and logged", async () => {
    const staff = await insertUser({ role: "staff" });
    const phone = uniqueDkPhone();
    await getDb().update(users).set({ phone }).where(eq(users.id, staff.id)); // typed in, never verified
    await expect(sendComposeTest(getDb(), staff, { ...compose, recipient: "own" })).rejects.toThrow(
      "Providers.testSends.errors.ownNotVerified",
    );
    expect(sandboxes.cpsms.state.handset(msisdn(phone))).toHaveLength(0);
    expect(await refusals(staff.id)).toHaveLength(1);
    expect((await listTestRecipients(getDb(), staff.id)).filter((r) => r.kind === "own")).toEqual([]);

    const manager = await insertUser({ role: "manager" });
    const bar = await addStaffPhone(getDb(), manager, { name: "Bar phone", phone: uniqueDkPhone() });
    expect((await listTestRecipients(getDb(), staff.id)).map((r) => r.value)).toContain(bar.id);
    const sent = await sendComposeTest(getDb(), staff, { ...compose, recipient: bar.id });
    expect(sent).toMatchObject({ ok: true, to: bar.phone });
    expect(sandboxes.cpsms.state.handset(msisdn(bar.phone))).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/^Hi Test, 2-for-1 tonight!/) }),
    ]);

    await removeStaffPhone(getDb(), manager, bar.id);
    await expect(sendComposeTest(getDb(), staff, { ...compose, recipient: bar.id })).rejects.toThrow(
      "Providers.testSends.errors.staffPhoneGone",
    );
  });

  it("refuses a suppressed number, even a staff phone", async () => {
    const { user, phone } = await userWithVerifiedPhone();
    const manager = await insertUser({ role: "manager" });
    const kitchen = await addStaffPhone(getDb(), manager, { name: "Kitchen", phone: uniqueDkPhone() });
    await suppressPhones(getDb(), [phone, kitchen.phone], "opt_out_link");
    await expect(sendComposeTest(getDb(), user, { ...compose, recipient: "own" })).rejects.toThrow(
      "Providers.testSends.errors.recipientSuppressed",
    );
    await expect(sendComposeTest(getDb(), user, { ...compose, recipient: kitchen.id })).rejects.toThrow(
      "Providers.testSends.errors.recipientSuppressed",
    );
    expect(sandboxes.cpsms.state.handset(msisdn(phone))).toHaveLength(0);
    expect(sandboxes.cpsms.state.handset(msisdn(kitchen.phone))).toHaveLength(0);
  });
});

describe("what a test carries", () => {
  it("checks sender and text exactly as a real send: bad sender, promotion without opt-out, unknown merge field", async () => {
    const { user, phone } = await userWithVerifiedPhone();
    await expect(
      sendComposeTest(getDb(), user, { ...compose, recipient: "own", sender: "Danske Bank" }),
    ).rejects.toMatchObject({
      message: "Compose.errors.senderRefused",
      values: { problem: expect.stringContaining("Providers.senderProblems.spaces") },
    });
    await expect(
      sendComposeTest(getDb(), user, { ...compose, recipient: "own", sender: "Bank€" }),
    ).rejects.toMatchObject({
      message: "Compose.errors.senderRefused",
      values: { problem: expect.stringContaining("Providers.senderProblems.characters") },
    });
    await expect(sendComposeTest(getDb(), user, { ...compose, recipient: "own", optOutFooter: false })).rejects.toThrow(
      "Compose.issues.optOutMissing",
    );
    await expect(
      sendComposeTest(getDb(), user, { ...compose, recipient: "own", message: "Hi {frist_name}" }),
    ).rejects.toMatchObject({
      message: "Compose.issues.unknownFieldSuggest",
      values: { suggestion: "{first_name}" },
    });
    expect(sandboxes.cpsms.state.handset(msisdn(phone))).toHaveLength(0);
    expect(await refusals(user.id)).toHaveLength(4);

    // The compose sender, or the provider's default when it is empty.
    const owner = await insertUser({ role: "owner" });
    await saveDefaultSender(getDb(), owner, { provider: "cpsms", sender: "CafeRose" });
    await sendComposeTest(getDb(), user, { ...compose, recipient: "own", sender: "Noma" });
    await sendComposeTest(getDb(), user, { ...compose, recipient: "own" });
    expect(sandboxes.cpsms.state.handset(msisdn(phone)).map((m) => m.from)).toEqual(["Noma", "CafeRose"]);
  });

  it("the provider connection test is a fixed text from the default sender, audit-logged", async () => {
    const { user: owner, phone } = await userWithVerifiedPhone("owner");
    await saveDefaultSender(getDb(), owner, { provider: "cpsms", sender: "CafeRose" });
    const result = await sendConnectionTest(getDb(), owner, { provider: "cpsms", recipient: "own" });
    expect(result).toMatchObject({ ok: true, to: phone });
    expect(sandboxes.cpsms.state.handset(msisdn(phone))).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^Test from .+: CPSMS\.dk is connected\.$/),
        from: "CafeRose",
      }),
    ]);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, owner.id), eq(auditLog.action, "provider.test_sms")));
    expect(entry?.details).toMatchObject({
      to: phone,
      provider: "cpsms",
      sender: "CafeRose",
      mode: "sandbox",
      recipient: "own",
      purpose: "connection",
      ok: true,
    });
  });
});

describe("per-user limit", () => {
  it(`sends at most ${MAX_TEST_SENDS_PER_HOUR} an hour even when 14 are clicked at once`, async () => {
    const { user, phone } = await userWithVerifiedPhone();
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, () => sendComposeTest(getDb(), user, { ...compose, recipient: "own" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_TEST_SENDS_PER_HOUR);
    const refused = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(refused).toHaveLength(4);
    for (const reason of refused) expect(reason).toMatch(/Providers\.testSends\.errors\.tooManyTests/);
    expect(sandboxes.cpsms.state.handset(msisdn(phone))).toHaveLength(MAX_TEST_SENDS_PER_HOUR);
    expect(await refusals(user.id)).toHaveLength(4);

    // The limit is per user: a colleague still can.
    const other = await userWithVerifiedPhone();
    await expect(
      sendTestSms(getDb(), other.user, "own", "compose", async () => ({ provider: "cpsms", text: "x", sender: null })),
    ).resolves.toMatchObject({ ok: true });
  });
});
