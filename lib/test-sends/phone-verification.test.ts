import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneVerifications, users } from "@/drizzle/schema";
import { suppressPhones } from "@/lib/consent/suppression";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import {
  confirmPhoneCode,
  getOwnPhone,
  MAX_CODES_PER_HOUR,
  removeOwnPhone,
  requestPhoneCode,
} from "./phone-verification";
import { listTestRecipients } from "./recipients";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({});
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: String(new URL(sandboxes.cpsms.url).port),
    SMSAPP_SANDBOX_PORT: String(new URL(sandboxes.smsapp.url).port),
  });
});
afterAll(() => sandboxes.stop());

/** The last code the sandbox handset of this number received. */
function lastCode(e164: string): string {
  const text = sandboxes.cpsms.state.handset(e164.replace("+", "")).at(-1)?.text ?? "";
  return /\b(\d{6})\b/.exec(text)?.[1] ?? "none";
}
/** The user's own entry among the test recipients (other files add staff phones to the shared database). */
const ownRecipients = async (userId: string) =>
  (await listTestRecipients(getDb(), userId)).filter((r) => r.kind === "own");
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("own phone verification", () => {
  it("texts a 6-digit code to the number; the right code verifies it once, and a new number un-verifies it", async () => {
    const user = await insertUser();
    const phone = uniqueDkPhone();
    const sent = await requestPhoneCode(getDb(), user, phone.replace("+45", "")); // read with the default country
    expect(sent.phone).toBe(phone);
    const row = (await getDb().select().from(phoneVerifications).where(eq(phoneVerifications.userId, user.id)))[0]!;
    expect(row.codeHash).not.toContain(lastCode(phone)); // stored hashed
    expect(await getOwnPhone(getDb(), user.id)).toMatchObject({ phone, verified: false, pending: { phone } });
    expect(await ownRecipients(user.id)).toEqual([]);

    await confirmPhoneCode(getDb(), user, lastCode(phone));
    expect(await getOwnPhone(getDb(), user.id)).toMatchObject({ phone, verified: true, pending: null });
    expect((await ownRecipients(user.id)).map((r) => r.value)).toEqual(["own"]);
    await expect(confirmPhoneCode(getDb(), user, lastCode(phone))).rejects.toThrow("Providers.testSends.errors.noCode");

    const other = uniqueDkPhone();
    await requestPhoneCode(getDb(), user, other);
    expect(await getOwnPhone(getDb(), user.id)).toMatchObject({ phone: other, verified: false });
    expect(await ownRecipients(user.id)).toEqual([]);

    await removeOwnPhone(getDb(), user);
    expect(await getOwnPhone(getDb(), user.id)).toEqual({ phone: null, verified: false, pending: null });
  });

  it("5 wrong tries kill the code, even when guessed in parallel", async () => {
    const user = await insertUser();
    const phone = uniqueDkPhone();
    await requestPhoneCode(getDb(), user, phone);
    const code = lastCode(phone);
    const guesses = await Promise.allSettled(
      Array.from({ length: 8 }, () => confirmPhoneCode(getDb(), user, wrong(code))),
    );
    const messages = guesses.map((g) => String((g as PromiseRejectedResult).reason));
    expect(messages.filter((m) => /errors\.wrongCode/.test(m))).toHaveLength(5);
    expect(messages.filter((m) => /errors\.codeExpired/.test(m))).toHaveLength(3);
    await expect(confirmPhoneCode(getDb(), user, code)).rejects.toThrow("Providers.testSends.errors.codeExpired");
    expect((await getOwnPhone(getDb(), user.id)).verified).toBe(false);
  });

  it("a code expires after 10 minutes", async () => {
    const user = await insertUser();
    const phone = uniqueDkPhone();
    const { expiresAt } = await requestPhoneCode(getDb(), user, phone);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    await getDb()
      .update(phoneVerifications)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(phoneVerifications.userId, user.id));
    await expect(confirmPhoneCode(getDb(), user, lastCode(phone))).rejects.toThrow(
      "Providers.testSends.errors.codeExpired",
    );
    expect((await getOwnPhone(getDb(), user.id)).verified).toBe(false);
  });

  it(`sends at most ${MAX_CODES_PER_HOUR} codes per user an hour, even in parallel, and none to a suppressed number`, async () => {
    const user = await insertUser();
    const phone = uniqueDkPhone();
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => requestPhoneCode(getDb(), user, phone)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_CODES_PER_HOUR);
    expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(
      /Providers\.testSends\.errors\.tooManyCodes/,
    );
    expect(sandboxes.cpsms.state.handset(phone.replace("+", ""))).toHaveLength(MAX_CODES_PER_HOUR);

    const other = await insertUser();
    const optedOut = uniqueDkPhone();
    await suppressPhones(getDb(), [optedOut], "opt_out_link");
    await expect(requestPhoneCode(getDb(), other, optedOut)).rejects.toThrow(
      "Providers.testSends.errors.codeSuppressed",
    );
    expect(sandboxes.cpsms.state.handset(optedOut.replace("+", ""))).toHaveLength(0);
    const [row] = await getDb().select({ phone: users.phone }).from(users).where(eq(users.id, other.id));
    expect(row?.phone).toBeNull();
  });
});
