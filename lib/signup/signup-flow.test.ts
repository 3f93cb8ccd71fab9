import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  automations,
  campaignMessages,
  campaigns,
  consentEvents,
  contacts,
  signupSettings,
  signupSources,
  signups,
  signupTextBudget,
} from "@/drizzle/schema";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { hashPhone } from "@/lib/consent/phone-hash";
import { isSuppressed, suppressPhones } from "@/lib/consent/suppression";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { type JoinInput, joinSchema } from "@/lib/validation/join";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { confirmSignup } from "./confirm-signup";
import { expireSignups } from "./expire-signups";
import { findSignupLink } from "./find-signup-link";
import { formStamp } from "./request-keys";
import { sendSignupConfirmations } from "./send-confirmations";
import { getSignupSettings } from "./signup-settings";
import { hashSignupToken } from "./signup-token";
import { signupWording, wordingHash } from "./signup-wording";
import { submitSignup } from "./submit-signup";

const db = () => getDb();

// The welcome is the Welcome automation's: on for this file (the evaluation job's test never runs long enough
// to see it), off again after.
beforeAll(async () => {
  // The settings row exists (the caps' test updates it).
  await db().insert(signupSettings).values({ id: 1 }).onConflictDoNothing();
  await db()
    .update(automations)
    .set({
      enabled: true,
      message: { en: "Welcome, {first_name}!", da: "Velkommen, {first_name}!" },
      offer: { en: "Show this text for a free coffee." },
    })
    .where(eq(automations.kind, "welcome"));
});
afterAll(async () => {
  await db().update(automations).set({ enabled: false }).where(eq(automations.kind, "welcome"));
});

/** A form as the page would post it, shown `shownMsAgo` ago from `address`. */
async function form(overrides: Partial<Record<keyof JoinInput, string>> = {}, shownMsAgo = 10_000, now = Date.now()) {
  const language = (overrides.language ?? "en") as "en";
  const restaurant = await getRestaurantSettings(db());
  const wording = await signupWording(await getSignupSettings(db()), language, restaurant.name);
  return joinSchema.parse({
    phone: uniqueDkPhone(),
    firstName: "Mette",
    language,
    stamp: formStamp(now - shownMsAgo),
    wordingHash: wordingHash(wording),
    ...overrides,
  });
}

const from = () => ({ address: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

/** The confirmation link's token, read back from the text we queued (the only place it exists). */
async function tokenFor(phone: string) {
  const [row] = await db()
    .select({ body: campaignMessages.body })
    .from(signups)
    .innerJoin(
      campaignMessages,
      and(eq(campaignMessages.campaignId, signups.confirmationCampaignId), eq(campaignMessages.phone, signups.phone)),
    )
    .where(eq(signups.phone, phone))
    .orderBy(desc(signups.createdAt))
    .limit(1);
  return /\/j\/([A-Za-z0-9]+)/.exec(row?.body ?? "")?.[1] ?? "";
}

/** A sign-up as the page takes it in, then the job worker's run that queues its text. */
async function signUp(...args: Parameters<typeof submitSignup>) {
  const outcome = await submitSignup(...args);
  await sendSignupConfirmations(db());
  return outcome;
}

async function errorOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).message;
}

describe("sign-up page: submit", () => {
  it("takes a sign-up in, then the worker queues one confirmation text; nothing in the guest book", async () => {
    const input = await form();
    const outcome = await submitSignup(db(), input, from());
    expect(outcome).toMatchObject({ kind: "sent", expiresInHours: 48 });
    const [received] = await db().select().from(signups).where(eq(signups.phone, input.phone));
    expect(received).toMatchObject({ status: "received", tokenHash: null, confirmationCampaignId: null });

    // (Other files' sign-ups may be texted by the same run: the counts are at least ours.)
    expect((await sendSignupConfirmations(db())).texted).toBeGreaterThanOrEqual(1);
    await sendSignupConfirmations(db()); // a second run texts it no second time
    const [signup] = await db().select().from(signups).where(eq(signups.phone, input.phone));
    expect(signup).toMatchObject({ status: "pending", firstName: "Mette", language: "en", callingCode: "+45" });
    expect(signup!.wording).toContain("may send me offers");
    const [campaign] = await db().select().from(campaigns).where(eq(campaigns.id, signup!.confirmationCampaignId!));
    expect(campaign).toMatchObject({ origin: "signup_confirmation", category: "transactional" });
    expect(campaign!.body).toContain("/j/…"); // the campaign's own text names no guest's link
    const token = await tokenFor(input.phone);
    expect(signup!.tokenHash).toBe(hashSignupToken(token));
    expect(await db().select().from(campaignMessages).where(eq(campaignMessages.phone, input.phone))).toHaveLength(1);
    expect(await db().select().from(contacts).where(eq(contacts.phone, input.phone))).toEqual([]);
  });

  it("answers a bot that filled the honeypot as if it had worked, and writes nothing", async () => {
    const input = await form({ website: "http://spam.example" });
    expect(await submitSignup(db(), input, from())).toMatchObject({ kind: "sent" });
    expect(await db().select().from(signups).where(eq(signups.phone, input.phone))).toEqual([]);
  });

  it("refuses a form sent faster than a person types, a forged time, a changed wording and a bad source", async () => {
    expect(await errorOf(submitSignup(db(), await form({}, 500), from()))).toBe("Guest.join.errors.tooFast");
    expect(await errorOf(submitSignup(db(), await form({ stamp: "1700000000000.forged" }), from()))).toBe(
      "Guest.join.errors.formExpired",
    );
    expect(await errorOf(submitSignup(db(), await form({ wordingHash: "old" }), from()))).toBe(
      "Guest.join.errors.wordingChanged",
    );
    expect(await errorOf(submitSignup(db(), await form({ source: "no-such-card" }), from()))).toBe(
      "Guest.join.errors.unknownSource",
    );
  });

  it("refuses landlines, premium and impossible numbers with the reason, writing nothing", async () => {
    const landline = await form({ phone: "+924235761234" }); // Lahore
    expect(await errorOf(submitSignup(db(), landline, from()))).toBe("Guest.join.phoneProblems.notMobile");
    const premium = await form({ phone: "90 12 34 56" }); // Danish premium rate
    expect(await errorOf(submitSignup(db(), premium, from()))).toBe("Guest.join.phoneProblems.notMobile");
    expect(await errorOf(submitSignup(db(), await form({ phone: "+45 901 23 45" }), from()))).toMatch(
      /phoneProblems\.(wrongDigits|invalid|invalidIn|notMobile)/,
    );
    expect(await errorOf(submitSignup(db(), await form({ phone: "call me" }), from()))).toBe(
      "Guest.join.phoneProblems.letters",
    );
    expect(await db().select().from(signups).where(eq(signups.phone, "+924235761234"))).toEqual([]);
  });

  it("refuses names that are links, markup or too long (zod, before anything runs)", () => {
    for (const firstName of ["<script>", "http://x.dk", "Anna2", "a".repeat(41), "   "]) {
      expect(joinSchema.safeParse({ phone: "20123456", firstName, language: "en" }).success).toBe(false);
    }
    for (const firstName of ["Anne-Marie", "O'Brien", "Søren", "محمد", "J. P."]) {
      expect(joinSchema.safeParse({ phone: "20123456", firstName, language: "en" }).success).toBe(true);
    }
    expect(joinSchema.safeParse({ phone: "1", firstName: "A", language: "en", birthdayDay: "30" }).success).toBe(false);
    expect(
      joinSchema.safeParse({ phone: "1", firstName: "A", language: "en", birthdayDay: "30", birthdayMonth: "2" })
        .success,
    ).toBe(false);
  });

  it("texts a burst of sign-ups as one campaign, each guest's text with its own link; a number twice, apart", async () => {
    const [a, b] = [await form(), await form()];
    const again = await form({ phone: a.phone });
    for (const input of [a, b, again]) await submitSignup(db(), input, from());
    await sendSignupConfirmations(db());
    const rows = await db()
      .select({ phone: signups.phone, campaignId: signups.confirmationCampaignId })
      .from(signups)
      .where(inArray(signups.phone, [a.phone, b.phone]))
      .orderBy(signups.createdAt);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.campaignId).toBe(rows[1]!.campaignId);
    expect(rows[2]!.campaignId).not.toBe(rows[0]!.campaignId);
    const links = await Promise.all([a.phone, b.phone].map(tokenFor));
    expect(new Set(links).size).toBe(2);
    expect(links.every((t) => t.length === 11)).toBe(true);
  });

  it("texts one number at most three times a day, whoever asks: the fourth try is told so", async () => {
    const phone = uniqueDkPhone();
    for (let i = 0; i < 3; i++) expect((await signUp(db(), await form({ phone }), from())).kind).toBe("sent");
    expect(await errorOf(submitSignup(db(), await form({ phone }), from()))).toBe("Guest.join.errors.tooManyForNumber");
  });

  it("texts exactly three of six parallel posts to one number; the rest are refused and keep nothing", async () => {
    const phone = uniqueDkPhone();
    const inputs = await Promise.all(Array.from({ length: 6 }, () => form({ phone })));
    const results = await Promise.allSettled(inputs.map((input) => submitSignup(db(), input, from())));
    const refusedAtPage = results.filter((r) => r.status === "rejected").length;
    await Promise.all([sendSignupConfirmations(db()), sendSignupConfirmations(db())]); // even two runs at once
    const rows = await db()
      .select({ status: signups.status, phone: signups.phone })
      .from(signups)
      .where(eq(signups.phoneHash, hashPhone(phone)));
    expect(rows.filter((r) => r.status === "pending")).toHaveLength(3);
    expect(rows.filter((r) => r.status === "limited")).toEqual(
      Array(6 - 3 - refusedAtPage).fill({ status: "limited", phone: null }),
    );
    const texts = await db().select().from(campaignMessages).where(eq(campaignMessages.phone, phone));
    expect(texts).toHaveLength(3);
  });
});

describe("sign-up page: confirm", () => {
  it("creates the guest with granted consent (source, source name, wording) and one welcome, once", async () => {
    const slug = uniqueWord("tent");
    const [source] = await db().insert(signupSources).values({ slug, name: "Table tent 4" }).returning();
    const input = await form({ source: slug, birthdayDay: "14", birthdayMonth: "2" });
    await signUp(db(), input, from());
    const token = await tokenFor(input.phone);
    expect(await findSignupLink(db(), token)).toMatchObject({ state: "pending" });

    expect(await confirmSignup(db(), token)).toMatchObject({ state: "confirmed" });
    const [guest] = await db().select().from(contacts).where(eq(contacts.phone, input.phone));
    expect(guest).toMatchObject({ firstName: "Mette", birthdayMonth: 2, birthdayDay: 14, consentState: "granted" });
    const ledger = await db().select().from(consentEvents).where(eq(consentEvents.contactId, guest!.id));
    expect(ledger).toEqual([
      expect.objectContaining({ state: "granted", source: "signup_page", sourceName: source!.name }),
    ]);
    expect(ledger[0]!.wording).toContain("may send me offers");
    const [signup] = await db().select().from(signups).where(eq(signups.phone, input.phone));
    const welcome = await db()
      .select({ body: campaignMessages.body, origin: campaigns.origin, category: campaigns.category })
      .from(campaignMessages)
      .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
      .where(eq(campaigns.id, signup!.welcomeCampaignId!));
    expect(welcome).toEqual([expect.objectContaining({ origin: "automation", category: "marketing" })]);
    // The offer line ends in the guest's own code (issue #20: lib/automations/automation-text.ts).
    expect(welcome[0]!.body).toMatch(
      /^Welcome, Mette!\nShow this text for a free coffee\. [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\nStop: http/,
    );

    // A second press, and a second sign-up confirmed later: no second welcome, consent stays granted.
    expect(await confirmSignup(db(), token)).toMatchObject({ state: "confirmed" });
    await signUp(db(), await form({ phone: input.phone, firstName: "Mette-Marie" }), from());
    const second = (await tokenFor(input.phone)) || "";
    const tokens = await db().select({ t: signups.tokenHash }).from(signups).where(eq(signups.phone, input.phone));
    expect(tokens).toHaveLength(2);
    await confirmSignup(db(), second);
    const welcomes = await db()
      .select()
      .from(campaigns)
      .innerJoin(campaignMessages, eq(campaignMessages.campaignId, campaigns.id))
      .where(and(eq(campaigns.origin, "automation"), eq(campaignMessages.phone, input.phone)));
    expect(welcomes).toHaveLength(1);
  });

  it("lets a guest who opted out join again only by confirming; keeps their notes; never lowers consent", async () => {
    const phone = uniqueDkPhone();
    const [guest] = await db()
      .insert(contacts)
      .values({
        phone,
        firstName: "Old",
        notes: "Likes the window table",
        consentState: "withdrawn",
        optOutToken: newOptOutToken(),
      })
      .returning();
    await suppressPhones(db(), [phone], "opt_out_link");
    await signUp(db(), await form({ phone }), from());
    expect(await isSuppressed(db(), phone)).toBe(true); // a sign-up alone changes nothing
    expect((await db().select().from(contacts).where(eq(contacts.id, guest!.id)))[0]?.firstName).toBe("Old");

    const token = await tokenFor(phone);
    await confirmSignup(db(), token);
    const [after] = await db().select().from(contacts).where(eq(contacts.id, guest!.id));
    expect(after).toMatchObject({ firstName: "Mette", notes: "Likes the window table", consentState: "granted" });
    expect(await isSuppressed(db(), phone)).toBe(false);
  });

  it("an expired link confirms nothing, and the clean-up erases the unconfirmed guest's details", async () => {
    const input = await form();
    await signUp(db(), input, from());
    const token = await tokenFor(input.phone);
    const later = new Date(Date.now() + 49 * 3600_000);
    expect(await confirmSignup(db(), token, later)).toMatchObject({ state: "expired" });
    expect(await db().select().from(contacts).where(eq(contacts.phone, input.phone))).toEqual([]);

    expect(await expireSignups(db(), later)).toBeGreaterThanOrEqual(1);
    const [row] = await db()
      .select()
      .from(signups)
      .where(eq(signups.tokenHash, hashSignupToken(token)));
    expect(row).toMatchObject({ status: "expired", phone: null, firstName: null, birthdayDay: null });
    expect(await findSignupLink(db(), token)).toMatchObject({ state: "expired" });
    expect(await confirmSignup(db(), "unknownToken1")).toBeNull();
  });
});

describe("sign-up page: the hourly caps on confirmation texts", () => {
  it("stops texting at the cap per country and overall, tells the guest, and counts the refusals", async () => {
    // An hour of its own, far ahead, so no other test's texts count towards it.
    const now = new Date(Date.UTC(2031, 0, 1, 12, 30));
    const saved = await getSignupSettings(db());
    await db().update(signupSettings).set({ hourlyCap: 3, hourlyCapPerCountry: 2 }).where(eq(signupSettings.id, 1));
    try {
      const dk = await Promise.all([0, 1, 2].map(() => form({}, 10_000, now.getTime())));
      const outcomes = [];
      for (const input of dk) outcomes.push(await signUp(db(), input, from(), now));
      expect(outcomes.map((o) => o.kind)).toEqual(["sent", "sent", "capped"]);
      const pk = await form({ phone: "+923001234567" }, 10_000, now.getTime());
      expect((await signUp(db(), pk, from(), now)).kind).toBe("sent");
      const pk2 = await form({ phone: "+923001234568" }, 10_000, now.getTime());
      expect((await signUp(db(), pk2, from(), now)).kind).toBe("capped"); // overall cap of 3 reached

      const [capped] = await db()
        .select()
        .from(signups)
        .where(eq(signups.phoneHash, hashPhone(dk[2]!.phone)));
      expect(capped).toMatchObject({ status: "capped", phone: null, confirmationCampaignId: null, tokenHash: null });
      const budget = await db()
        .select()
        .from(signupTextBudget)
        .where(eq(signupTextBudget.hour, new Date(Date.UTC(2031, 0, 1, 12))));
      expect(Object.fromEntries(budget.map((b) => [b.scope, [b.sent, b.refused]]))).toEqual({
        all: [3, 1],
        "+45": [2, 1],
        "+92": [1, 0],
      });
    } finally {
      await db()
        .update(signupSettings)
        .set({ hourlyCap: saved.hourlyCap, hourlyCapPerCountry: saved.hourlyCapPerCountry })
        .where(eq(signupSettings.id, 1));
    }
  });
});
