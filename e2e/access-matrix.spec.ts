import { expect, test } from "@playwright/test";
import { apiSessionCookie } from "./support/auth";
import { E2E } from "./support/config";
import { seed } from "./support/seed";
import {
  actionManifest,
  callAction,
  discoverActions,
  discoverPages,
  discoverRouteHandlers,
  FORGED_SESSION_COOKIE,
} from "./support/surface";

// Every page, route handler and server action (discovered from the file system) called as each kind of visitor,
// compared with the intended permissions below. A new page, handler or action fails this test until it has a row.

test.describe.configure({ mode: "serial", timeout: 240_000 });

const ROLES = ["signed-out", "staff", "manager", "owner", "deactivated"] as const;
type Role = (typeof ROLES)[number];

/**
 * allow: reaches the page/handler/action (2xx, a redirect within the app, or an action's own validation error);
 * deny: sent to sign-in, 401 or 403 (for actions: UNAUTHENTICATED or FORBIDDEN, and nothing runs);
 * same: no session involved (a public or token-checked endpoint): the same answer for everyone.
 */
type Expect = "allow" | "deny" | "same";
type Intended = Record<Role, Expect> | "same";

const row = (...e: Expect[]): Intended => Object.fromEntries(ROLES.map((r, i) => [r, e[i]!])) as Record<Role, Expect>;
const SIGNED_IN = row("deny", "allow", "allow", "allow", "deny");
const MANAGERS = row("deny", "deny", "allow", "allow", "deny");
const OWNER = row("deny", "deny", "deny", "allow", "deny");
const ANYONE = row("allow", "allow", "allow", "allow", "allow");
const SAME: Intended = "same";

/** The intended permissions: "page <route>", "<METHOD> <route>" and "action <file>#<export>". */
const INTENDED: Record<string, Intended> = {
  // Pages
  "page /": SIGNED_IN,
  "page /campaigns": SIGNED_IN,
  "page /campaigns/[id]": SIGNED_IN,
  "page /compose": SIGNED_IN, // staff compose drafts that a manager approves
  "page /contacts": SIGNED_IN,
  "page /contacts/[id]": SIGNED_IN,
  "page /contacts/[id]/edit": SIGNED_IN,
  "page /contacts/new": SIGNED_IN, // staff add guests and record consent
  "page /contacts/import": MANAGERS,
  "page /groups": SIGNED_IN,
  "page /groups/[id]": SIGNED_IN,
  "page /history": SIGNED_IN,
  "page /history/[id]": SIGNED_IN,
  "page /history/cpsms": SIGNED_IN,
  "page /history/smsapp": SIGNED_IN,
  "page /history/smsapp/[uid]": SIGNED_IN,
  "page /settings": SIGNED_IN, // only a redirect to /settings/account
  "page /settings/account": SIGNED_IN,
  "page /settings/phones": MANAGERS, // staff pick these phones in compose's test box; managers keep the list
  "page /settings/providers": OWNER,
  "page /settings/restaurant": OWNER,
  "page /settings/signup": MANAGERS, // the sign-up page's wording, limits and QR codes
  "page /redeem": SIGNED_IN, // the till: whoever is on shift redeems, staff included
  "page /automations": MANAGERS,
  "page /automations/[kind]": MANAGERS,
  "page /settings/signup/card": MANAGERS, // a printable table card (outside the dashboard's shell)
  "page /settings/users": OWNER,
  "page /settings/api-keys": OWNER, // keys that act on the guest book without a person signed in
  "page /contacts/import-visits": MANAGERS,
  "page /sign-in": ANYONE, // signed-in visitors are sent on to the app
  "page /o/[token]": ANYONE, // a guest's opt-out page: the token is the credential
  "page /join": ANYONE, // the guests' sign-up page
  "page /join/[source]": ANYONE,
  "page /j/[token]": ANYONE, // a sign-up's confirmation link: the token is the credential
  "page /c/[token]": ANYONE, // a guest's offer page: the signed code is the credential, and it only reads

  // Route handlers
  "GET /api/auth/[...nextauth]": SAME,
  "POST /api/auth/[...nextauth]": SAME,
  "GET /api/health": SAME,
  "GET /api/webhooks/cpsms": SAME, // the URL's HMAC token is the credential, never a session
  "POST /api/webhooks/cpsms": SAME,
  "POST /api/join": SAME, // the sign-up form's button: anyone may sign up; limits, not sessions, protect it
  "GET /l/[code]": SAME, // a guest's short link: the random code is the only key, never a session
  "HEAD /l/[code]": SAME,
  "GET /history/export": MANAGERS,
  "GET /contacts/export": MANAGERS,
  "GET /campaigns/[id]/export": MANAGERS, // a report's recipients with phone numbers, like the other exports
  "GET /automations/[kind]/export": MANAGERS,
  "GET /contacts/[id]/gdpr-export": MANAGERS,
  "POST /contacts/import/analyze": MANAGERS,
  "POST /contacts/import/run": MANAGERS,
  "GET /contacts/import/preview": MANAGERS,
  "POST /contacts/import-visits/analyze": MANAGERS,
  "POST /contacts/import-visits/run": MANAGERS,
  // The REST API: its bearer key is the credential, never a session (a signed-in owner's cookie gets 401 too).
  "GET /api/v1/guests": SAME,
  "POST /api/v1/guests": SAME,
  "GET /api/v1/visits": SAME,
  "POST /api/v1/visits": SAME,
  "GET /api/v1/openapi.json": SAME, // public, like any API's reference: it holds no data
  "GET /settings/signup/qr/[file]": MANAGERS,
  "GET /brand/logo": SAME, // the guest sign-up page shows it to people who never sign in

  // Server actions
  "action app/(auth)/sign-in/actions.ts#signInAction": SAME,
  "action components/app-shell/actions.ts#signOutAction": SAME,
  "action app/(dashboard)/campaigns/actions.ts#approveCampaignAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#pauseCampaignAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#resumeCampaignAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#cancelCampaignAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#rescheduleCampaignAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#resendFailedAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#setRecurringActiveAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#updateSkipDatesAction": MANAGERS,
  "action app/(dashboard)/campaigns/actions.ts#deleteRecurringAction": MANAGERS,
  "action app/o/[token]/actions.ts#optOutAction": SAME, // the guest's token is the credential
  "action app/j/[token]/actions.ts#confirmSignupAction": SAME, // the token from the text is the credential
  "action app/(dashboard)/contacts/actions.ts#createContactAction": SIGNED_IN,
  "action app/(dashboard)/contacts/actions.ts#updateContactAction": SIGNED_IN,
  "action app/(dashboard)/contacts/actions.ts#grantConsentAction": SIGNED_IN,
  "action app/(dashboard)/contacts/actions.ts#withdrawConsentAction": SIGNED_IN,
  "action app/(dashboard)/contacts/actions.ts#addToGroupAction": SIGNED_IN,
  "action app/(dashboard)/contacts/actions.ts#removeFromGroupAction": SIGNED_IN,
  "action app/(dashboard)/contacts/actions.ts#deleteContactsAction": MANAGERS,
  "action app/(dashboard)/contacts/actions.ts#eraseContactAction": MANAGERS,
  "action app/(dashboard)/groups/actions.ts#createGroupAction": SIGNED_IN,
  "action app/(dashboard)/groups/actions.ts#renameGroupAction": SIGNED_IN,
  "action app/(dashboard)/groups/actions.ts#fixDriftAction": SIGNED_IN,
  "action app/(dashboard)/groups/actions.ts#deleteGroupAction": MANAGERS,
  "action app/(dashboard)/groups/actions.ts#linkGroupAction": MANAGERS,
  "action app/(dashboard)/groups/actions.ts#unlinkGroupAction": MANAGERS,
  "action app/(dashboard)/compose/actions.ts#checkComposeAction": SIGNED_IN,
  "action app/(dashboard)/compose/actions.ts#composeAction": SIGNED_IN,
  // Anyone signed in saves templates; deleting someone else's is refused inside (author or manager), not here.
  "action app/(dashboard)/compose/actions.ts#deleteTemplateAction": SIGNED_IN,
  "action app/(dashboard)/compose/actions.ts#saveTemplateAction": SIGNED_IN,
  "action app/(dashboard)/compose/actions.ts#composeTestAction": SIGNED_IN,
  "action app/(dashboard)/compose/actions.ts#previewAudienceAction": SIGNED_IN,
  "action app/(dashboard)/compose/actions.ts#searchContactsAction": SIGNED_IN,
  "action app/(dashboard)/settings/account/actions.ts#changeOwnPasswordAction": SIGNED_IN,
  "action app/(dashboard)/settings/account/actions.ts#signOutEverywhereAction": SIGNED_IN,
  "action app/(dashboard)/settings/account/actions.ts#setMyLanguageAction": SIGNED_IN,
  // Each acts on the signed-in user's own phone only.
  "action app/(dashboard)/settings/account/phone-actions.ts#requestPhoneCodeAction": SIGNED_IN,
  "action app/(dashboard)/settings/account/phone-actions.ts#confirmPhoneCodeAction": SIGNED_IN,
  "action app/(dashboard)/settings/account/phone-actions.ts#removeOwnPhoneAction": SIGNED_IN,
  "action app/(dashboard)/settings/phones/actions.ts#addStaffPhoneAction": MANAGERS,
  "action app/(dashboard)/settings/phones/actions.ts#removeStaffPhoneAction": MANAGERS,
  "action app/(dashboard)/settings/providers/actions.ts#checkConnectionAction": OWNER,
  "action app/(dashboard)/settings/providers/actions.ts#saveCredentialsAction": OWNER,
  "action app/(dashboard)/settings/providers/actions.ts#clearCredentialsAction": OWNER,
  "action app/(dashboard)/settings/providers/actions.ts#saveDefaultSenderAction": OWNER,
  "action app/(dashboard)/settings/providers/actions.ts#sendTestSmsAction": OWNER,
  "action app/(dashboard)/settings/restaurant/actions.ts#saveRestaurantSettingsAction": OWNER,
  "action app/(dashboard)/settings/restaurant/actions.ts#saveProviderRoutesAction": OWNER,
  "action app/(dashboard)/settings/restaurant/actions.ts#saveFrequencyCapAction": OWNER,
  "action app/(dashboard)/settings/restaurant/actions.ts#uploadLogoAction": OWNER,
  "action app/(dashboard)/settings/restaurant/actions.ts#removeLogoAction": OWNER,
  "action app/(dashboard)/settings/signup/actions.ts#saveSignupSettingsAction": MANAGERS,
  "action app/(dashboard)/redeem/actions.ts#lookupOfferCodeAction": SIGNED_IN,
  "action app/(dashboard)/redeem/actions.ts#redeemOfferCodeAction": SIGNED_IN,
  "action app/(dashboard)/automations/actions.ts#saveAutomationAction": MANAGERS,
  "action app/(dashboard)/automations/actions.ts#switchAutomationAction": MANAGERS,
  "action app/(dashboard)/settings/signup/actions.ts#createSourceAction": MANAGERS,
  "action app/(dashboard)/settings/signup/actions.ts#renameSourceAction": MANAGERS,
  "action app/(dashboard)/settings/signup/actions.ts#archiveSourceAction": MANAGERS,
  "action app/(dashboard)/settings/users/actions.ts#createUserAction": OWNER,
  "action app/(dashboard)/settings/users/actions.ts#changeUserRoleAction": OWNER,
  "action app/(dashboard)/settings/users/actions.ts#setUserActiveAction": OWNER,
  "action app/(dashboard)/settings/users/actions.ts#resetUserPasswordAction": OWNER,
  "action app/(dashboard)/settings/api-keys/actions.ts#createApiKeyAction": OWNER,
  "action app/(dashboard)/settings/api-keys/actions.ts#revokeApiKeyAction": OWNER,
};

/**
 * Arguments for actions whose first argument is not a plain object. Every other action gets `{}`: invalid for
 * all of them, so an allowed caller gets a validation error and nothing is ever changed by this test.
 */
function actionArgs(name: string): unknown[] {
  if (name === "signInAction") {
    const form = new FormData();
    form.set("email", "not-an-email"); // invalid: never counts as a failed sign-in attempt (no throttling)
    form.set("password", "x");
    return [{}, form];
  }
  if (name === "signOutAction") return [];
  if (name === "confirmSignupAction") {
    const form = new FormData();
    form.set("token", "noSuchToken1"); // never a real sign-up's token
    return [form];
  }
  if (name === "optOutAction") {
    const form = new FormData();
    form.set("token", "no-such-token"); // never a real guest's token: nobody is unsubscribed by this test
    return [form];
  }
  return [{}];
}

type Outcome = { label: string; kind: "ok" | "signin" | "forbidden" | "error" };

function classifyHttp(status: number, location: string | null): Outcome {
  if (status >= 500) return { label: String(status), kind: "error" };
  if (status === 401) return { label: "401", kind: "signin" };
  if (status === 403) return { label: "403", kind: "forbidden" };
  if (status >= 300 && status < 400) {
    const to = location ? new URL(location, E2E.baseURL).pathname : "?";
    return { label: `→${to}`, kind: to === "/sign-in" ? "signin" : "ok" };
  }
  return { label: String(status), kind: "ok" };
}

function passes(expected: Expect, outcome: Outcome) {
  if (outcome.kind === "error") return false;
  if (expected === "allow") return outcome.kind === "ok";
  if (expected === "deny") return outcome.kind === "signin" || outcome.kind === "forbidden";
  return true;
}

test("access matrix: every page, route handler and server action as every kind of visitor", async () => {
  const pages = discoverPages();
  const routes = discoverRouteHandlers();
  // Signing out ends the caller's session (its cookie stops working), so it goes last.
  const actions = discoverActions().sort(
    (x, y) => Number(x.name === "signOutAction") - Number(y.name === "signOutAction"),
  );
  const manifest = actionManifest();

  // Every discovered entry point must have an intended row (a new one fails here until it is added).
  const keys = [
    ...pages.map((p) => `page ${p.route}`),
    ...routes.flatMap((r) => r.methods.map((m) => `${m} ${r.route}`)),
    ...actions.map((a) => `action ${a.file}#${a.name}`),
  ];
  const missing = keys.filter((k) => !(k in INTENDED));
  expect(
    missing,
    `entry points without intended permissions in e2e/access-matrix.spec.ts: ${missing.join(", ")}`,
  ).toEqual([]);
  const unbuilt = actions.filter((a) => !manifest.has(`${a.file}#${a.name}`)).map((a) => `${a.file}#${a.name}`);
  expect(unbuilt, "server actions exported but missing from the build's manifest (unused?)").toEqual([]);

  // Visitors: a forged cookie (gets past the optimistic proxy to the real checks), three roles, and an owner
  // whose account was deactivated after signing in (the strongest role, so only "active" can stop them). Each
  // has a session of its own (signed in by API): the sign-out action, called last, ends it.
  const [staff, manager, owner2] = [await seed.user("staff"), await seed.user("manager"), await seed.user("owner")];
  const cookies: Record<Role, string> = {
    "signed-out": FORGED_SESSION_COOKIE,
    staff: await apiSessionCookie(staff),
    manager: await apiSessionCookie(manager),
    owner: await apiSessionCookie(E2E.owner),
    deactivated: await apiSessionCookie(owner2),
  };
  await seed.deactivate(owner2.id);

  // Real records for dynamic segments.
  const campaign = await seed.campaign({
    name: "Access matrix",
    provider: "cpsms",
    body: "Hi",
    status: "draft",
    messages: [{ phone: "+4520000001" }],
  });
  const seeded = { campaignId: campaign.id, messageId: String(campaign.messageIds[0]) };
  const { groupId, guests } = await seed.group("Access matrix", [{ phone: "+4520000091", firstName: "Matrix" }]);
  const PARAMS: Record<string, string> = {
    "[id]@/contacts/[id]": guests[0]!.id,
    "[id]@/contacts/[id]/edit": guests[0]!.id,
    "[id]@/contacts/[id]/gdpr-export": guests[0]!.id,
    "[id]@/groups/[id]": groupId,
    "[id]@/campaigns/[id]": seeded.campaignId,
    "[id]@/campaigns/[id]/export": seeded.campaignId,
    "[id]@/history/[id]": seeded.messageId,
    "[uid]@/history/smsapp/[uid]": "no-such-uid",
    "[token]@/o/[token]": guests[0]!.token,
    "[source]@/join/[source]": "no-such-source",
    "[token]@/j/[token]": "noSuchToken1",
    "[code]@/l/[code]": "noSuchC0", // a code's shape, never a real link: no click is recorded
    "[token]@/c/[token]": "7KQ2M9XDa1B2c3D4", // a link's shape with a wrong signature: the not-found page
    "[...nextauth]@/api/auth/[...nextauth]": "session",
    "[file]@/settings/signup/qr/[file]": "join.png",
    "[kind]@/automations/[kind]": "birthday",
    "[kind]@/automations/[kind]/export": "birthday",
  };
  const fill = (route: string) =>
    route.replace(/\[[^\]]+\]/g, (seg) => {
      const value = PARAMS[`${seg}@${route}`];
      if (value === undefined)
        throw new Error(`no value for ${seg} in ${route}: add one to PARAMS in e2e/access-matrix.spec.ts`);
      return value;
    });

  type Line = { key: string; intended: Intended; outcomes: Record<Role, Outcome> };
  const lines: Line[] = [];
  const call = async (key: string, run: (cookie: string) => Promise<Outcome>) => {
    const outcomes = {} as Record<Role, Outcome>;
    for (const role of ROLES) outcomes[role] = await run(cookies[role]);
    lines.push({ key, intended: INTENDED[key]!, outcomes });
  };

  for (const p of pages) {
    const url = fill(p.route);
    await call(`page ${p.route}`, async (cookie) => {
      const res = await fetch(`${E2E.baseURL}${url}`, { headers: { cookie }, redirect: "manual" });
      await res.body?.cancel();
      return classifyHttp(res.status, res.headers.get("location"));
    });
  }
  for (const r of routes) {
    for (const method of r.methods) {
      const url = fill(r.route);
      await call(`${method} ${r.route}`, async (cookie) => {
        const res = await fetch(`${E2E.baseURL}${url}`, {
          method,
          headers: { cookie, origin: E2E.baseURL },
          redirect: "manual",
        });
        await res.body?.cancel();
        return classifyHttp(res.status, res.headers.get("location"));
      });
    }
  }
  for (const a of actions) {
    const built = manifest.get(`${a.file}#${a.name}`)!;
    const page = fill(built.pages.sort()[0]!);
    await call(`action ${a.file}#${a.name}`, async (cookie) => {
      const res = await callAction({ id: built.id, page, args: actionArgs(a.name), cookie });
      if (res.status >= 500) return { label: String(res.status), kind: "error" };
      if (res.status >= 300 && res.status < 400) return classifyHttp(res.status, res.redirect);
      const result = res.result as { ok?: boolean; error?: { code?: string } } | { error?: string } | undefined;
      const code =
        result && typeof result === "object" && typeof result.error === "object" ? result.error?.code : undefined;
      if (code === "UNAUTHENTICATED") return { label: "UNAUTHENTICATED", kind: "signin" };
      if (code === "FORBIDDEN") return { label: "FORBIDDEN", kind: "forbidden" };
      if (res.status !== 200) return { label: `HTTP ${res.status}`, kind: "error" }; // e.g. action not found
      if (res.redirect) return { label: `→${res.redirect.split("?")[0]}`, kind: "ok" };
      if (result === undefined) return { label: "no result", kind: "error" };
      if (code) return { label: code, kind: "ok" };
      if ("ok" in result && result.ok) return { label: "ok", kind: "ok" };
      return { label: "returned", kind: "ok" };
    });
  }

  // The matrix, printed whether or not it passes.
  const failures: string[] = [];
  const cell = (l: Line, role: Role) => {
    const o = l.outcomes[role];
    const intended = l.intended === "same" ? "same" : l.intended[role];
    let ok = passes(intended, o);
    if (l.intended === "same") ok = ok && ROLES.every((r) => l.outcomes[r].label === l.outcomes["signed-out"].label);
    if (!ok) failures.push(`${l.key} as ${role}: intended ${intended}, got ${o.label}`);
    return `${ok ? "" : "✗ "}${intended === "same" ? "" : `${intended}:`}${o.label}`;
  };
  const header = ["entry point", ...ROLES];
  const table = lines.map((l) => [
    l.key.replace(/^action app\/\(dashboard\)\//, "action ").replace(/^action /, "action "),
    ...ROLES.map((r) => cell(l, r)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const fmt = (cols: string[]) => `| ${cols.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(
    [
      "",
      `Access matrix (${pages.length} pages, ${routes.reduce((n, r) => n + r.methods.length, 0)} route handler methods, ${actions.length} server actions)`,
      fmt(header),
      `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
      ...table.map(fmt),
      "legend: allow/deny = intended; after the colon what happened (→ redirect, UNAUTHENTICATED/FORBIDDEN = refused by the action, INVALID_INPUT = authorised, stopped by validation); ✗ = not as intended",
      "",
    ].join("\n"),
  );
  expect(failures).toEqual([]);
});
