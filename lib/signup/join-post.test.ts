import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signups } from "@/drizzle/schema";
import { hashPhone } from "@/lib/consent/phone-hash";
import { getDb } from "@/lib/db";
import type { DirectRequest } from "@/lib/runtime/direct-routes";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { uniqueDkPhone } from "@/tests/support/contacts";
import type { JoinAnswer } from "./join-answer";
import { answerJoinPost } from "./join-post";
import { formStamp } from "./request-keys";
import { getSignupSettings } from "./signup-settings";
import { signupWording, wordingHash } from "./signup-wording";

const HOST = "cafe.test:3000";

/** The form's fields as the page posts them, shown 10 s ago, in `language`. */
async function fields(overrides: Record<string, string> = {}) {
  const language = (overrides.language ?? "da") as "da";
  const restaurant = await getRestaurantSettings(getDb());
  const wording = await signupWording(await getSignupSettings(getDb()), language, restaurant.name);
  return {
    phone: uniqueDkPhone(),
    firstName: "Mette",
    language,
    source: "",
    stamp: formStamp(Date.now() - 10_000),
    wordingHash: wordingHash(wording),
    website: "",
    ...overrides,
  };
}

function post(body: Record<string, string> | string, headers: Record<string, string> = {}): DirectRequest {
  return {
    method: "POST",
    path: "/api/join",
    query: new URLSearchParams(),
    headers: {
      host: HOST,
      origin: `http://${HOST}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      ...headers,
    },
    body: typeof body === "string" ? body : String(new URLSearchParams(body)),
    clientAddress: `10.9.${Math.floor(Math.random() * 250)}.1`,
  };
}

const rowsFor = (phone: string) =>
  getDb()
    .select()
    .from(signups)
    .where(eq(signups.phoneHash, hashPhone(phone)));

describe("POST /api/join (the sign-up form's button)", () => {
  it("takes a sign-up in and answers the page's script in JSON", async () => {
    const form = await fields();
    const answer = await answerJoinPost(post(form));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ kind: "sent", expiresInHours: 48 });
    expect(await rowsFor(form.phone)).toEqual([expect.objectContaining({ status: "received", firstName: "Mette" })]);
  });

  it("sends a browser without script back to the page, with the outcome in the query", async () => {
    const form = await fields({ source: "" });
    const sent = await answerJoinPost(post(form, { accept: "text/html" }));
    expect(sent).toEqual({ status: 303, location: "/join?lang=da&sent=1" });
    const bad = await answerJoinPost(post({ ...(await fields()), firstName: "" }, { accept: "text/html" }));
    expect(bad).toEqual({ status: 303, location: "/join?lang=da&problem=Guest.join.errors.nameRequired" });
  });

  it("refuses a post from another origin, or without one, and writes nothing", async () => {
    for (const origin of ["http://evil.test", ""]) {
      const form = await fields();
      const answer = await answerJoinPost(post(form, { origin }));
      expect(answer.status).toBe(403);
      expect((answer.body as JoinAnswer & { kind: "problem" }).message).toMatch(/anden side/);
      expect(await rowsFor(form.phone)).toEqual([]);
    }
  });

  it("words problems in the guest's language, at their field", async () => {
    const landline = await answerJoinPost(post(await fields({ phone: "90 12 34 56" }))); // premium rate
    expect(landline.status).toBe(422);
    expect(landline.body).toMatchObject({ kind: "problem", message: null, fieldErrors: { phone: [/fastnet|mobil/i] } });

    const name = await answerJoinPost(post(await fields({ firstName: "<b>x</b>", language: "en" })));
    expect(name.body).toMatchObject({ kind: "problem", message: null, fieldErrors: { firstName: [/letters only/] } });
  });

  it("asks for the page again when the wording changed or the form is old", async () => {
    const changed = await answerJoinPost(post(await fields({ wordingHash: "old" })));
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ kind: "problem", reload: true });
    const old = await answerJoinPost(post(await fields({ stamp: formStamp(Date.now() - 25 * 3600_000) })));
    expect(old.body).toMatchObject({ kind: "problem", reload: true });
  });

  it("refuses what our page never sends: another body type, control characters", async () => {
    const json = await answerJoinPost(post(JSON.stringify(await fields()), { "content-type": "application/json" }));
    expect(json.status).toBe(415);
    const nul = await answerJoinPost(post(await fields({ firstName: "Me\u0000tte" })));
    expect(nul.status).toBe(422);
    expect(nul.body).toMatchObject({ kind: "problem", message: expect.stringMatching(/kontroltegn|control/i) });
  });
});
