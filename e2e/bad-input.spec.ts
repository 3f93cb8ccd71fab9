import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiSessionCookie } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";
import { actionManifest, callAction, discoverActions } from "./support/surface";

// Hostile and malformed input, table-driven, against server actions (called over Next's real action protocol),
// route handlers and pages: never a 500, always a clear error, and nothing in the database changes.

test.describe.configure({ mode: "serial", timeout: 300_000 });

type Role = "owner" | "manager" | "staff";
type ActionCase = {
  name: string;
  action: string;
  args: unknown[];
  as?: Role;
  /** reject (default): ok:false with a clear message; harmless: read-only, any result but no 500. */
  expect?: "reject" | "harmless";
  /** Tables this case may legitimately write (e.g. a delivery report's timeline). */
  mayChange?: string[];
  /** Refused before the action runs: the HTTP statuses that count as the right answer (no action result). */
  status?: number[];
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
};
type HttpCase = {
  name: string;
  method?: string;
  path: string | (() => string);
  body?: string;
  headers?: Record<string, string>;
  as?: Role | "none";
  /** Statuses that count as the right answer (default: any below 500). */
  status?: number[];
  /** Text that must not appear unescaped in the response (reflected injection). */
  mustNotContain?: string;
  mayChange?: string[];
};
type Case = ({ kind: "action" } & ActionCase) | ({ kind: "http" } & HttpCase);

// Payloads.
const HUGE = "x".repeat(300_000);
const HUGE_MB = "y".repeat(2_100_000);
const NUL = "Cafe\u0000Rose";
const CONTROL = "\u0001\u0007\u001b[31mred\u001b[0m\r\n\u2028\u202e";
const SCRIPT = "<script>alert(1)</script>";
const IMG = `"><img src=x onerror=alert(document.cookie)>`;
const SQL_DROP = "'; drop table users; --";
const SQL_OR = "' OR '1'='1";
const LIKE = "%_\\%";
const EMOJI = "🍕".repeat(2000);
const PROTO = JSON.parse('{"__proto__": {"role": "owner"}, "constructor": {"prototype": {"x": 1}}}');
const UNKNOWN = randomUUID();

// Ids filled in once the records are seeded.
const ids = {
  contactId: "",
  groupId: "",
  draft: "",
  completed: "",
  ownerId: "",
  otherOwnerId: "",
  staffId: "",
  messageRef: "dlr-bad-input",
  messagePhone: "+4520000077",
  otherPhone: "+4520000078",
};

const validCompose = () => ({
  category: "marketing",
  groupIds: [],
  contactIds: [],
  numbers: "",
  message: "Hello",
  optOutFooter: true,
  footerLanguage: "en",
  provider: "auto",
  sender: "",
  name: "Bad input",
  schedule: { mode: "now" },
});
const validTemplate = {
  name: "Quiz night",
  body: "Quiz night at {restaurant} on Thursday!",
  category: "marketing",
  language: "en",
};
const validRestaurant = {
  name: "Cafe",
  defaultCountry: "DK",
  timeZone: "Europe/Copenhagen",
  quietHoursStart: "21:00",
  quietHoursEnd: "09:00",
};

/** Settings > Restaurant's frequency cap as the page sends it, valid (each case spoils one field). */
const validCap = { enabled: true, messages: 1, days: 3 };

/** Settings > Sign-up's form as the page sends it, valid (each case spoils one field). */
const validSignup = {
  wordingDa: "",
  wordingEn: "",
  wordingUr: "",
  expiryHours: "48",
  hourlyCap: "60",
  hourlyCapPerCountry: "30",
};

/** An automation's form as the page sends it, valid and switched off (each case spoils one field). */
const validAutomation = {
  kind: "welcome",
  enabled: false,
  messageDa: "",
  messageEn: "",
  messageUr: "",
  offerDa: "",
  offerEn: "",
  offerUr: "",
  daysBefore: "3",
  sendAt: "10:00",
  lapseDays: "60",
  minVisits: "2",
  hoursAfter: "3",
  holdoutPercent: "0",
};

const a = (c: ActionCase): Case => ({ kind: "action", ...c });
const h = (c: HttpCase): Case => ({ kind: "http", ...c });

const CASES: Case[] = [
  // --- compose: wrong types ---
  a({ name: "compose: no argument", action: "composeAction", args: [] }),
  a({ name: "compose: null", action: "composeAction", args: [null] }),
  a({ name: "compose: a string instead of an object", action: "composeAction", args: ["compose"] }),
  a({ name: "compose: an array", action: "composeAction", args: [[1, 2, 3]] }),
  a({ name: "compose: number as message", action: "composeAction", args: [{ ...validCompose(), message: 42 }] }),
  a({ name: "compose: groupIds as a string", action: "composeAction", args: [{ ...validCompose(), groupIds: "all" }] }),
  a({
    name: "compose: optOutFooter as string",
    action: "composeAction",
    args: [{ ...validCompose(), optOutFooter: "false" }],
  }),
  a({ name: "compose: unknown provider", action: "composeAction", args: [{ ...validCompose(), provider: "twilio" }] }),
  a({ name: "compose: unknown category", action: "composeAction", args: [{ ...validCompose(), category: "spam" }] }),
  a({ name: "compose: prototype pollution keys", action: "composeAction", args: [{ ...validCompose(), ...PROTO }] }),
  // --- compose: empty / huge / control characters ---
  a({ name: "compose: no recipients", action: "composeAction", args: [validCompose()] }),
  a({
    name: "compose: whitespace-only message",
    action: "composeAction",
    args: [{ ...validCompose(), message: " \n\t " }],
  }),
  a({ name: "compose: 300 kB message", action: "composeAction", args: [{ ...validCompose(), message: HUGE }] }),
  a({
    name: "compose: 2 MB message (over the action body limit)",
    action: "composeAction",
    args: [{ ...validCompose(), message: HUGE_MB }],
  }),
  a({ name: "compose: 300 kB name", action: "composeAction", args: [{ ...validCompose(), name: HUGE }] }),
  a({ name: "compose: NUL in name, no recipients", action: "composeAction", args: [{ ...validCompose(), name: NUL }] }),
  a({
    name: "compose: NUL in name and message",
    action: "composeAction",
    args: [{ ...validCompose(), name: NUL, message: NUL, numbers: "+4520000099" }],
  }),
  a({
    name: "compose: control characters in name",
    action: "composeAction",
    args: [{ ...validCompose(), name: CONTROL }],
  }),
  a({
    name: "compose: NUL in a service message to a valid number",
    action: "composeAction",
    args: [
      { ...validCompose(), category: "transactional", name: NUL, message: `Table ready${NUL}`, numbers: "+4520000099" },
    ],
  }),
  a({
    name: "compose: 2,000 emoji message",
    action: "composeAction",
    args: [{ ...validCompose(), message: EMOJI, numbers: "+4520000099" }],
  }),
  a({ name: "compose: 300 kB pasted numbers", action: "composeAction", args: [{ ...validCompose(), numbers: HUGE }] }),
  a({
    name: "compose: script injection in name",
    action: "composeAction",
    args: [{ ...validCompose(), name: SCRIPT }],
  }),
  a({ name: "compose: SQL in numbers", action: "composeAction", args: [{ ...validCompose(), numbers: SQL_DROP }] }),
  a({
    name: "compose: sender too long",
    action: "composeAction",
    args: [{ ...validCompose(), sender: "S".repeat(200), numbers: "+4520000099" }],
  }),
  a({
    name: "compose: sender with HTML",
    action: "composeAction",
    args: [{ ...validCompose(), sender: "<b>x</b>", provider: "cpsms", numbers: "+4520000099" }],
  }),
  // --- compose: unknown and forged ids ---
  a({ name: "compose: unknown group id", action: "composeAction", args: [{ ...validCompose(), groupIds: [UNKNOWN] }] }),
  a({
    name: "compose: malformed group id",
    action: "composeAction",
    args: [{ ...validCompose(), groupIds: ["1 OR 1=1"] }],
  }),
  a({
    name: "compose: unknown contact id",
    action: "composeAction",
    args: [{ ...validCompose(), contactIds: [UNKNOWN] }],
  }),
  a({
    name: "compose: a campaign id as a group id",
    action: "composeAction",
    args: [() => ({ ...validCompose(), groupIds: [ids.draft] })],
  }),
  a({
    name: "compose: a user id as a contact id",
    action: "composeAction",
    args: [() => ({ ...validCompose(), contactIds: [ids.ownerId] })],
  }),
  a({
    name: "compose: 101 groups",
    action: "composeAction",
    args: [{ ...validCompose(), groupIds: Array.from({ length: 101 }, () => randomUUID()) }],
  }),
  // --- compose: invalid dates and schedules ---
  a({
    name: "compose: unknown schedule mode",
    action: "composeAction",
    args: [{ ...validCompose(), numbers: "+4520000099", schedule: { mode: "yesterday" } }],
  }),
  a({
    name: "compose: 30 February",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-02-30T12:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: month 13",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-13-01T12:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: hour 25",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-01-01T25:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: year 0000",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "0000-00-00T00:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: date in the past",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2001-01-01T12:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: ISO date with zone suffix",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-01-01T12:00:00+99:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: expiry -5 minutes",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-01-01T12:00", expireAfterMinutes: -5 },
      },
    ],
  }),
  a({
    name: "compose: expiry NaN",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-01-01T12:00", expireAfterMinutes: Number.NaN },
      },
    ],
  }),
  a({
    name: "compose: expiry Infinity",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-01-01T12:00", expireAfterMinutes: Infinity },
      },
    ],
  }),
  a({
    name: "compose: weekly with weekday 9",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "weekly", weekdays: [9], time: "12:00", skipDates: [], expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: weekly at 24:00",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "weekly", weekdays: [1], time: "24:00", skipDates: [], expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: weekly skip date with SQL",
    action: "composeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "weekly", weekdays: [1], time: "12:00", skipDates: [SQL_OR], expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose: staff may not schedule weekly",
    action: "composeAction",
    as: "staff",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "weekly", weekdays: [1], time: "12:00", skipDates: [], expireAfterMinutes: null },
      },
    ],
  }),
  // --- compose's check before the confirm dialog (same input as composeAction, writes nothing) ---
  a({ name: "compose check: no argument", action: "checkComposeAction", args: [] }),
  a({ name: "compose check: a string instead of an object", action: "checkComposeAction", args: ["compose"] }),
  a({ name: "compose check: no recipients", action: "checkComposeAction", args: [validCompose()] }),
  a({
    name: "compose check: 2 MB message",
    action: "checkComposeAction",
    args: [{ ...validCompose(), message: HUGE_MB }],
  }),
  a({
    name: "compose check: NUL in name and message",
    action: "checkComposeAction",
    args: [{ ...validCompose(), name: NUL, message: NUL, numbers: "+4520000099" }],
  }),
  a({
    name: "compose check: SQL in numbers",
    action: "checkComposeAction",
    args: [{ ...validCompose(), numbers: SQL_DROP }],
  }),
  a({
    name: "compose check: hour 25",
    action: "checkComposeAction",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "later", localDateTime: "2031-01-01T25:00", expireAfterMinutes: null },
      },
    ],
  }),
  a({
    name: "compose check: staff may not schedule weekly",
    action: "checkComposeAction",
    as: "staff",
    args: [
      {
        ...validCompose(),
        numbers: "+4520000099",
        schedule: { mode: "weekly", weekdays: [1], time: "12:00", skipDates: [], expireAfterMinutes: null },
      },
    ],
  }),
  // --- staff templates (compose's "Save as template"): every case invalid, so nothing may be saved ---
  a({ name: "template: no argument", action: "saveTemplateAction", args: [] }),
  a({ name: "template: a string instead of an object", action: "saveTemplateAction", args: ["template"] }),
  a({
    name: "template: whitespace-only name",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, name: "   " }],
  }),
  a({
    name: "template: 81-character name",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, name: "n".repeat(81) }],
  }),
  a({ name: "template: 300 kB name", action: "saveTemplateAction", args: [{ ...validTemplate, name: HUGE }] }),
  a({ name: "template: NUL in name", action: "saveTemplateAction", args: [{ ...validTemplate, name: NUL }] }),
  a({
    name: "template: control characters in body",
    action: "saveTemplateAction",
    as: "staff",
    args: [{ ...validTemplate, body: CONTROL }],
  }),
  a({ name: "template: empty body", action: "saveTemplateAction", args: [{ ...validTemplate, body: " \n " }] }),
  a({
    name: "template: 1,531-character body",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, body: "b".repeat(1531) }],
  }),
  a({
    name: "template: 2 MB body (over the action body limit)",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, body: HUGE_MB }],
  }),
  a({
    name: "template: unknown merge field",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, body: "Hi {frist_name}" }],
  }),
  a({
    name: "template: unknown category",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, category: "spam" }],
  }),
  a({ name: "template: language xx", action: "saveTemplateAction", args: [{ ...validTemplate, language: "xx" }] }),
  a({ name: "template: number as body", action: "saveTemplateAction", args: [{ ...validTemplate, body: 42 }] }),
  a({
    name: "template: prototype pollution keys",
    action: "saveTemplateAction",
    args: [{ ...validTemplate, name: "", ...PROTO }],
  }),
  a({ name: "template delete: no argument", action: "deleteTemplateAction", args: [] }),
  a({ name: "template delete: unknown id", action: "deleteTemplateAction", as: "staff", args: [{ id: UNKNOWN }] }),
  a({ name: "template delete: malformed id", action: "deleteTemplateAction", args: [{ id: "1 OR 1=1" }] }),
  a({ name: "template delete: a campaign id", action: "deleteTemplateAction", args: [() => ({ id: ids.draft })] }),
  // --- compose test SMS, preview and search ---
  // A test goes only to "own" or a staff phone's id: a typed number, SQL or an unknown id is refused.
  a({
    name: "test SMS: a typed number as recipient",
    action: "composeTestAction",
    args: [
      {
        message: "Hi",
        category: "transactional",
        optOutFooter: false,
        footerLanguage: "en",
        provider: "auto",
        sender: "",
        recipient: "+4520000099",
      },
    ],
  }),
  a({
    name: "test SMS: the old free phone field",
    action: "composeTestAction",
    args: [
      {
        message: "Hi",
        category: "transactional",
        optOutFooter: false,
        footerLanguage: "en",
        provider: "auto",
        sender: "",
        to: "+4520000099",
      },
    ],
  }),
  a({
    name: "test SMS: SQL as recipient",
    action: "composeTestAction",
    args: [
      {
        message: "Hi",
        category: "transactional",
        optOutFooter: false,
        footerLanguage: "en",
        provider: "auto",
        sender: "",
        recipient: SQL_OR,
      },
    ],
  }),
  a({
    name: "test SMS: unknown staff phone",
    action: "composeTestAction",
    mayChange: ["audit_log"],
    args: [
      {
        message: "Hi",
        category: "transactional",
        optOutFooter: false,
        footerLanguage: "en",
        provider: "auto",
        sender: "",
        recipient: UNKNOWN,
      },
    ],
  }),
  a({
    name: "test SMS: footer language xx",
    action: "composeTestAction",
    args: [
      {
        message: "Hi",
        category: "marketing",
        optOutFooter: true,
        footerLanguage: "xx",
        provider: "auto",
        sender: "",
        recipient: "own",
      },
    ],
  }),
  a({ name: "own phone: letters", action: "requestPhoneCodeAction", args: [{ phone: "call me maybe" }] }),
  a({ name: "own phone: SQL", action: "requestPhoneCodeAction", args: [{ phone: SQL_OR }] }),
  a({ name: "own phone: code with letters", action: "confirmPhoneCodeAction", args: [{ code: "12a456" }] }),
  a({ name: "own phone: code as a number", action: "confirmPhoneCodeAction", args: [{ code: 123456 }] }),
  a({ name: "own phone: remove without confirm", action: "removeOwnPhoneAction", args: [{}] }),
  a({ name: "test phone: script name, no number", action: "addStaffPhoneAction", args: [{ name: SCRIPT, phone: "" }] }),
  a({ name: "test phone: SQL number", action: "addStaffPhoneAction", args: [{ name: "Bar", phone: SQL_DROP }] }),
  a({ name: "test phone: remove malformed id", action: "removeStaffPhoneAction", args: [{ id: "1 OR 1=1" }] }),
  a({ name: "test phone: remove unknown id", action: "removeStaffPhoneAction", args: [{ id: UNKNOWN }] }),
  a({
    name: "preview: unknown provider",
    action: "previewAudienceAction",
    args: [{ category: "marketing", groupIds: [], contactIds: [], numbers: "", provider: "sms" }],
  }),
  a({
    name: "preview: SQL and script numbers",
    action: "previewAudienceAction",
    expect: "harmless",
    args: [
      {
        category: "marketing",
        groupIds: [],
        contactIds: [],
        numbers: `${SQL_DROP}\n${SCRIPT}\n${NUL}`,
        provider: "auto",
      },
    ],
  }),
  a({
    name: "preview: unknown group",
    action: "previewAudienceAction",
    expect: "harmless",
    args: [{ category: "marketing", groupIds: [UNKNOWN], contactIds: [], numbers: "", provider: "auto" }],
  }),
  a({ name: "search: LIKE wildcards", action: "searchContactsAction", expect: "harmless", args: [{ query: LIKE }] }),
  a({ name: "search: SQL", action: "searchContactsAction", expect: "harmless", args: [{ query: SQL_OR }] }),
  a({ name: "search: NUL", action: "searchContactsAction", expect: "harmless", args: [{ query: NUL }] }),
  a({
    name: "search: control characters",
    action: "searchContactsAction",
    expect: "harmless",
    args: [{ query: CONTROL }],
  }),
  a({ name: "search: too long", action: "searchContactsAction", args: [{ query: "q".repeat(5000) }] }),
  a({ name: "search: object for query", action: "searchContactsAction", args: [{ query: { $ne: null } }] }),

  // --- campaign controls: unknown and forged ids ---
  a({ name: "approve: unknown campaign", action: "approveCampaignAction", args: [{ campaignId: UNKNOWN }] }),
  a({
    name: "approve: not a uuid",
    action: "approveCampaignAction",
    args: [{ campaignId: "1; drop table campaigns" }],
  }),
  a({ name: "approve: a user id", action: "approveCampaignAction", args: [() => ({ campaignId: ids.ownerId })] }),
  a({
    name: "approve: a completed campaign",
    action: "approveCampaignAction",
    args: [() => ({ campaignId: ids.completed })],
  }),
  a({ name: "pause: a draft", action: "pauseCampaignAction", args: [() => ({ campaignId: ids.draft })] }),
  a({ name: "resume: a draft", action: "resumeCampaignAction", args: [() => ({ campaignId: ids.draft })] }),
  a({
    name: "cancel: a completed campaign",
    action: "cancelCampaignAction",
    args: [() => ({ campaignId: ids.completed })],
  }),
  a({
    name: "cancel: an array of ids",
    action: "cancelCampaignAction",
    args: [() => ({ campaignId: [ids.draft, ids.completed] })],
  }),
  a({
    name: "resend failed: nothing failed",
    action: "resendFailedAction",
    args: [() => ({ campaignId: ids.completed })],
  }),
  a({ name: "resend failed: unknown campaign", action: "resendFailedAction", args: [{ campaignId: UNKNOWN }] }),
  a({
    name: "reschedule: a draft",
    action: "rescheduleCampaignAction",
    args: [() => ({ campaignId: ids.draft, localDateTime: "2031-01-01T12:00" })],
  }),
  a({
    name: "reschedule: invalid date",
    action: "rescheduleCampaignAction",
    args: [() => ({ campaignId: ids.draft, localDateTime: "2031-02-31T12:00" })],
  }),
  a({
    name: "reschedule: script for a date",
    action: "rescheduleCampaignAction",
    args: [() => ({ campaignId: ids.draft, localDateTime: SCRIPT })],
  }),
  a({ name: "repeating: unknown id", action: "setRecurringActiveAction", args: [{ id: UNKNOWN, active: false }] }),
  a({ name: "repeating: a campaign id", action: "deleteRecurringAction", args: [() => ({ id: ids.draft })] }),
  a({
    name: "repeating: active as a string",
    action: "setRecurringActiveAction",
    args: [{ id: UNKNOWN, active: "no" }],
  }),
  a({
    name: "repeating: skip dates not dates",
    action: "updateSkipDatesAction",
    args: [{ id: UNKNOWN, skipDates: ["tomorrow", SQL_DROP] }],
  }),
  a({
    name: "repeating: 201 skip dates",
    action: "updateSkipDatesAction",
    args: [{ id: UNKNOWN, skipDates: Array.from({ length: 201 }, () => "2031-01-01") }],
  }),
  a({
    name: "repeating: 30 February",
    action: "updateSkipDatesAction",
    args: [{ id: UNKNOWN, skipDates: ["2031-02-30"] }],
  }),

  // --- users ---
  a({
    name: "create user: invalid email",
    action: "createUserAction",
    args: [{ name: "X", email: "not-an-email", role: "staff" }],
  }),
  a({
    name: "create user: SQL email",
    action: "createUserAction",
    args: [{ name: "X", email: `${SQL_OR}@cafe.test`, role: "staff" }],
  }),
  a({
    name: "create user: script name, bad role",
    action: "createUserAction",
    args: [{ name: SCRIPT, email: "x@cafe.test", role: "admin" }],
  }),
  a({
    name: "create user: role superuser",
    action: "createUserAction",
    args: [{ name: "X", email: "x@cafe.test", role: "superuser" }],
  }),
  a({
    name: "create user: 300 kB name",
    action: "createUserAction",
    args: [{ name: HUGE, email: "x@cafe.test", role: "staff" }],
  }),
  a({
    name: "create user: too-short password",
    action: "createUserAction",
    args: [{ name: "X", email: "x@cafe.test", role: "staff", password: "short" }],
  }),
  a({
    name: "create user: existing email in capitals",
    action: "createUserAction",
    args: [{ name: "X", email: E2E.owner.email.toUpperCase(), role: "staff" }],
  }),
  a({
    name: "create user: NUL in email",
    action: "createUserAction",
    args: [{ name: "X", email: "x\u0000@cafe.test", role: "staff" }],
  }),
  a({
    name: "role: own account",
    action: "changeUserRoleAction",
    args: [() => ({ userId: ids.ownerId, role: "staff" })],
  }),
  a({ name: "role: unknown user", action: "changeUserRoleAction", args: [{ userId: UNKNOWN, role: "staff" }] }),
  a({
    name: "role: a campaign id",
    action: "changeUserRoleAction",
    args: [() => ({ userId: ids.draft, role: "owner" })],
  }),
  a({
    name: "role: invalid role",
    action: "changeUserRoleAction",
    args: [() => ({ userId: ids.staffId, role: "god" })],
  }),
  a({
    name: "deactivate: own account",
    action: "setUserActiveAction",
    args: [() => ({ userId: ids.ownerId, active: false })],
  }),
  a({
    name: "deactivate: active as 0",
    action: "setUserActiveAction",
    args: [() => ({ userId: ids.staffId, active: 0 })],
  }),
  a({
    name: "reset password: own account",
    action: "resetUserPasswordAction",
    args: [() => ({ userId: ids.ownerId })],
  }),
  a({ name: "reset password: unknown user", action: "resetUserPasswordAction", args: [{ userId: UNKNOWN }] }),
  a({
    name: "staff changes another's role (forged call)",
    action: "changeUserRoleAction",
    as: "staff",
    args: [() => ({ userId: ids.staffId, role: "owner" })],
  }),
  a({
    name: "manager resets the owner's password (forged call)",
    action: "resetUserPasswordAction",
    as: "manager",
    args: [() => ({ userId: ids.ownerId })],
  }),
  a({
    name: "own password: wrong current",
    action: "changeOwnPasswordAction",
    args: [{ currentPassword: "wrong wrong", newPassword: "new password 123", confirmPassword: "new password 123" }],
  }),
  a({
    name: "own password: mismatch",
    action: "changeOwnPasswordAction",
    args: [{ currentPassword: E2E.owner.password, newPassword: "new password 123", confirmPassword: "other" }],
  }),
  a({
    name: "own password: 300 kB",
    action: "changeOwnPasswordAction",
    args: [{ currentPassword: E2E.owner.password, newPassword: HUGE, confirmPassword: HUGE }],
  }),

  // --- settings ---
  a({
    name: "restaurant: unknown time zone",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, timeZone: "Mars/Olympus_Mons" }],
  }),
  a({
    name: "restaurant: path as time zone",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, timeZone: "../../etc/passwd" }],
  }),
  a({
    name: "restaurant: offset as time zone",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, timeZone: "UTC+25" }],
  }),
  a({
    name: "restaurant: empty time zone",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, timeZone: "" }],
  }),
  a({
    name: "restaurant: quiet hours 25:00",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, quietHoursStart: "25:00" }],
  }),
  a({
    name: "restaurant: quiet hours as number",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, quietHoursEnd: 900 }],
  }),
  a({
    name: "restaurant: unknown country",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, defaultCountry: "XX" }],
  }),
  a({
    name: "restaurant: empty name",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, name: "   " }],
  }),
  a({
    name: "restaurant: 300 kB name",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, name: HUGE }],
  }),
  a({
    name: "restaurant: NUL name with bad zone",
    action: "saveRestaurantSettingsAction",
    args: [{ ...validRestaurant, name: NUL, timeZone: "Nowhere/Null" }],
  }),
  a({
    name: "frequency cap: zero promotions",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, messages: 0 }],
  }),
  a({
    name: "frequency cap: 11 promotions",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, messages: 11 }],
  }),
  a({
    name: "frequency cap: 2.5 days",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, days: 2.5 }],
  }),
  a({
    name: "frequency cap: 31 days",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, days: 31 }],
  }),
  a({
    name: "frequency cap: negative days",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, days: -3 }],
  }),
  a({
    name: "frequency cap: days as text",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, days: "3" }],
  }),
  a({
    name: "frequency cap: NaN promotions",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, messages: Number.NaN }],
  }),
  a({
    name: "frequency cap: on as text",
    action: "saveFrequencyCapAction",
    args: [{ ...validCap, enabled: "yes" }],
  }),
  a({ name: "frequency cap: nothing", action: "saveFrequencyCapAction", args: [{}] }),
  a({ name: "frequency cap: by a manager", action: "saveFrequencyCapAction", as: "manager", args: [validCap] }),
  a({
    name: "frequency cap: by staff",
    action: "saveFrequencyCapAction",
    as: "staff",
    args: [{ ...validCap, enabled: false }],
  }),
  a({
    name: "preview: send time as words",
    action: "previewAudienceAction",
    args: [{ category: "marketing", groupIds: [], contactIds: [], numbers: "", provider: "auto", sendAt: "tomorrow" }],
  }),
  a({
    name: "preview: send time with SQL",
    action: "previewAudienceAction",
    args: [
      {
        category: "marketing",
        groupIds: [],
        contactIds: [],
        numbers: "",
        provider: "auto",
        sendAt: `2031-01-01T12:00${SQL_DROP}`,
      },
    ],
  }),
  a({
    name: "preview: send time on no such day",
    action: "previewAudienceAction",
    expect: "harmless",
    args: [
      {
        category: "marketing",
        groupIds: [],
        contactIds: [],
        numbers: "",
        provider: "auto",
        sendAt: "2031-02-30T12:00",
      },
    ],
  }),
  a({
    name: "routing: prefix with SQL",
    action: "saveProviderRoutesAction",
    args: [{ rules: [{ prefix: "+45' OR 1=1", provider: "cpsms" }], fallback: "cpsms" }],
  }),
  a({
    name: "routing: prefix without +",
    action: "saveProviderRoutesAction",
    args: [{ rules: [{ prefix: "45", provider: "cpsms" }], fallback: "cpsms" }],
  }),
  a({
    name: "routing: duplicate prefixes",
    action: "saveProviderRoutesAction",
    args: [
      {
        rules: [
          { prefix: "+45", provider: "cpsms" },
          { prefix: "+45", provider: "smsapp" },
        ],
        fallback: "cpsms",
      },
    ],
  }),
  a({
    name: "routing: 31 rules",
    action: "saveProviderRoutesAction",
    args: [
      {
        rules: Array.from({ length: 31 }, (_, i) => ({ prefix: `+${100 + i}`, provider: "cpsms" })),
        fallback: "cpsms",
      },
    ],
  }),
  a({
    name: "routing: unknown fallback",
    action: "saveProviderRoutesAction",
    args: [{ rules: [], fallback: "twilio" }],
  }),
  a({
    name: "routing: rules as an object",
    action: "saveProviderRoutesAction",
    args: [{ rules: { "+45": "cpsms" }, fallback: "cpsms" }],
  }),
  a({
    name: "routing: manager (forged call)",
    action: "saveProviderRoutesAction",
    as: "manager",
    args: [{ rules: [], fallback: "smsapp" }],
  }),
  a({
    name: "credentials: unknown provider",
    action: "saveCredentialsAction",
    args: [{ provider: "twilio", secret: "12345678" }],
  }),
  a({
    name: "credentials: short key",
    action: "saveCredentialsAction",
    args: [{ provider: "cpsms", username: "x", secret: "1" }],
  }),
  a({ name: "credentials: huge token", action: "saveCredentialsAction", args: [{ provider: "smsapp", secret: HUGE }] }),
  a({
    name: "credentials: NUL in username",
    action: "saveCredentialsAction",
    args: [{ provider: "cpsms", username: NUL, secret: "a-long-enough-key" }],
  }),
  a({
    name: "credentials: escape sequences in token",
    action: "saveCredentialsAction",
    args: [{ provider: "smsapp", secret: `token${CONTROL}` }],
  }),
  a({
    name: "clear credentials: unknown provider",
    action: "clearCredentialsAction",
    args: [{ provider: "../cpsms" }],
  }),
  a({ name: "check connection: provider as array", action: "checkConnectionAction", args: [{ provider: ["cpsms"] }] }),
  a({
    name: "default sender: HTML",
    action: "saveDefaultSenderAction",
    args: [{ provider: "cpsms", sender: "<b>hi</b>" }],
  }),
  a({
    name: "default sender: too long",
    action: "saveDefaultSenderAction",
    args: [{ provider: "smsapp", sender: "S".repeat(50) }],
  }),
  a({
    name: "default sender: control characters",
    action: "saveDefaultSenderAction",
    args: [{ provider: "cpsms", sender: "\u0007\u001b" }],
  }),
  a({
    name: "provider test SMS: free number and text",
    action: "sendTestSmsAction",
    args: [{ provider: "cpsms", to: "+4520000099", text: SCRIPT }],
  }),
  a({
    name: "provider test SMS: a typed number as recipient",
    action: "sendTestSmsAction",
    args: [{ provider: "cpsms", recipient: "+4520000099" }],
  }),

  // --- Settings > Sign-up and the logo: every case invalid, so nothing may be saved ---
  a({
    name: "sign-up settings: 300 kB wording",
    action: "saveSignupSettingsAction",
    args: [{ ...validSignup, wordingEn: HUGE }],
  }),
  a({
    name: "sign-up settings: NUL in wording",
    action: "saveSignupSettingsAction",
    args: [{ ...validSignup, wordingDa: NUL }],
  }),
  // The welcome text moved to Automations > Welcome: the same cases there.
  a({
    name: "automation: escape sequences in the welcome text",
    action: "saveAutomationAction",
    args: [{ ...validAutomation, enabled: true, messageEn: `Hi${CONTROL}` }],
  }),
  a({
    name: "automation: switched on with no text",
    action: "saveAutomationAction",
    args: [{ ...validAutomation, enabled: true }],
  }),
  a({
    name: "automation: switch as text",
    action: "saveAutomationAction",
    args: [{ ...validAutomation, enabled: "true" }],
  }),
  a({
    name: "automation: an unknown kind",
    action: "saveAutomationAction",
    args: [{ ...validAutomation, kind: "anniversary" }],
  }),
  a({
    name: "automation: control group of 100%",
    action: "saveAutomationAction",
    args: [{ ...validAutomation, holdoutPercent: "100" }],
  }),
  a({
    name: "automation: 300 kB offer",
    action: "saveAutomationAction",
    args: [{ ...validAutomation, offerEn: HUGE }],
  }),
  a({
    name: "automation list: a switch sent as text",
    action: "switchAutomationAction",
    args: [{ kind: "winback", enabled: "yes" }],
  }),
  a({
    name: "sign-up settings: expiry 1e9 hours",
    action: "saveSignupSettingsAction",
    args: [{ ...validSignup, expiryHours: "1e9" }],
  }),
  a({
    name: "sign-up settings: expiry negative",
    action: "saveSignupSettingsAction",
    args: [{ ...validSignup, expiryHours: -1 }],
  }),
  a({
    name: "sign-up settings: cap as an object",
    action: "saveSignupSettingsAction",
    args: [{ ...validSignup, hourlyCap: { valueOf: 5 } }],
  }),
  a({
    name: "sign-up settings: country cap above the total",
    action: "saveSignupSettingsAction",
    args: [{ ...validSignup, hourlyCap: "10", hourlyCapPerCountry: "11" }],
  }),
  a({ name: "sign-up settings: prototype keys only", action: "saveSignupSettingsAction", args: [PROTO] }),
  a({
    name: "sign-up settings: staff (forged call)",
    action: "saveSignupSettingsAction",
    as: "staff",
    args: [validSignup],
  }),
  a({ name: "source: empty name", action: "createSourceAction", args: [{ name: "   " }] }),
  a({ name: "source: 300 kB name", action: "createSourceAction", args: [{ name: HUGE }] }),
  a({ name: "source: NUL in name", action: "createSourceAction", args: [{ name: NUL }] }),
  a({ name: "source: name as array", action: "createSourceAction", args: [{ name: ["Table 4"] }] }),
  a({ name: "source: staff (forged call)", action: "createSourceAction", as: "staff", args: [{ name: "Table 9" }] }),
  a({ name: "rename source: unknown id", action: "renameSourceAction", args: [{ id: UNKNOWN, name: "Bar" }] }),
  a({ name: "rename source: SQL id", action: "renameSourceAction", args: [{ id: SQL_OR, name: "Bar" }] }),
  a({ name: "archive source: unknown id", action: "archiveSourceAction", args: [{ id: UNKNOWN }] }),
  a({ name: "archive source: 36 dashes", action: "archiveSourceAction", args: [{ id: "-".repeat(36) }] }),
  a({ name: "logo: an object, not a file", action: "uploadLogoAction", args: [{ logo: SCRIPT }] }),
  a({ name: "logo: a text as the file", action: "uploadLogoAction", args: [form({ logo: SCRIPT })] }),
  a({ name: "logo: manager (forged call)", action: "uploadLogoAction", as: "manager", args: [form({ logo: "x" })] }),
  a({ name: "remove logo: not said", action: "removeLogoAction", args: [{ remove: "yes" }] }),

  // --- guest book: contacts ---
  a({ name: "contact: phone is script", action: "createContactAction", args: [{ phone: SCRIPT }] }),
  a({ name: "contact: phone is SQL", action: "createContactAction", args: [{ phone: SQL_OR }] }),
  a({ name: "contact: phone as a number", action: "createContactAction", args: [{ phone: 4520000099 }] }),
  a({
    name: "contact: 300 kB first name",
    action: "createContactAction",
    args: [{ phone: "+4520000099", firstName: HUGE }],
  }),
  a({
    name: "contact: NUL in the name",
    action: "createContactAction",
    args: [{ phone: "+4520000099", firstName: NUL }],
  }),
  a({
    name: "contact: birthday 02-30",
    action: "createContactAction",
    args: [{ phone: "+4520000099", birthday: "02-30" }],
  }),
  a({
    name: "contact: birthday 13-01",
    action: "createContactAction",
    args: [{ phone: "+4520000099", birthday: "13-01" }],
  }),
  a({
    name: "contact: language is a path",
    action: "createContactAction",
    args: [{ phone: "+4520000099", language: "../../etc" }],
  }),
  a({
    name: "contact: tags as an object",
    action: "createContactAction",
    args: [{ phone: "+4520000099", tags: { $gt: "" } }],
  }),
  a({
    name: "contact: consent without source",
    action: "createContactAction",
    args: [{ phone: "+4520000099", consent: { state: "granted" } }],
  }),
  a({
    name: "contact: consent source 'import' (app-only)",
    action: "createContactAction",
    args: [{ phone: "+4520000099", consent: { state: "granted", source: "import", wording: "x" } }],
  }),
  a({
    name: "contact: consent state withdrawn",
    action: "createContactAction",
    args: [{ phone: "+4520000099", consent: { state: "withdrawn" } }],
  }),
  a({
    name: "contact update: unknown id",
    action: "updateContactAction",
    args: [{ id: UNKNOWN, phone: "+4520000099" }],
  }),
  a({
    name: "contact update: a group id",
    action: "updateContactAction",
    args: [() => ({ id: ids.groupId, phone: "+4520000099" })],
  }),
  a({
    name: "contact update: a campaign id",
    action: "updateContactAction",
    args: [() => ({ id: ids.draft, phone: "+4520000099" })],
  }),
  a({
    name: "consent: unknown guest",
    action: "grantConsentAction",
    args: [{ contactId: UNKNOWN, source: "staff", wording: "Yes" }],
  }),
  a({
    name: "consent: a user id as the guest",
    action: "grantConsentAction",
    args: [() => ({ contactId: ids.ownerId, source: "staff", wording: "Yes" })],
  }),
  a({
    name: "consent: empty wording",
    action: "grantConsentAction",
    args: [() => ({ contactId: ids.contactId, source: "staff", wording: "  " })],
  }),
  a({
    name: "consent: source 'gdpr'",
    action: "grantConsentAction",
    args: [() => ({ contactId: ids.contactId, source: "gdpr", wording: "Yes" })],
  }),
  a({ name: "withdraw: no selection", action: "withdrawConsentAction", args: [{ selection: { ids: [] } }] }),
  a({
    name: "withdraw: 1,001 ids",
    action: "withdrawConsentAction",
    args: [{ selection: { ids: Array.from({ length: 1001 }, () => randomUUID()) } }],
  }),
  a({
    name: "withdraw: unknown ids",
    action: "withdrawConsentAction",
    expect: "harmless",
    args: [{ selection: { ids: [UNKNOWN] } }],
  }),
  a({
    name: "withdraw: filter by an unknown group",
    action: "withdrawConsentAction",
    expect: "harmless",
    args: [{ selection: { filter: { group: UNKNOWN } } }],
  }),
  a({
    name: "withdraw: SQL search filter",
    action: "withdrawConsentAction",
    expect: "harmless",
    args: [{ selection: { filter: { q: SQL_OR } } }],
  }),
  a({
    name: "delete guests: malformed ids",
    action: "deleteContactsAction",
    args: [{ selection: { ids: ["1 OR 1=1"] } }],
  }),
  a({
    name: "delete guests: staff (forged call)",
    action: "deleteContactsAction",
    as: "staff",
    args: [() => ({ selection: { ids: [ids.contactId] } })],
  }),
  a({
    name: "add to group: unknown group",
    action: "addToGroupAction",
    args: [() => ({ groupId: UNKNOWN, selection: { ids: [ids.contactId] } })],
  }),
  a({
    name: "add to group: a contact id as the group",
    action: "addToGroupAction",
    args: [() => ({ groupId: ids.contactId, selection: { ids: [ids.contactId] } })],
  }),
  a({ name: "erase: unknown guest", action: "eraseContactAction", args: [{ id: UNKNOWN }] }),
  a({ name: "erase: a user id", action: "eraseContactAction", args: [() => ({ id: ids.staffId })] }),
  // --- guest book: groups ---
  a({ name: "group: empty name", action: "createGroupAction", args: [{ name: "  " }] }),
  a({ name: "group: 300 kB name", action: "createGroupAction", args: [{ name: HUGE }] }),
  a({ name: "group: NUL in name", action: "createGroupAction", args: [{ name: NUL }] }),
  a({ name: "group: existing name in capitals", action: "createGroupAction", args: [{ name: "BAD INPUT REGULARS" }] }),
  a({ name: "group: 300 kB description", action: "createGroupAction", args: [{ name: "Fine", description: HUGE }] }),
  a({ name: "group rename: unknown id", action: "renameGroupAction", args: [{ id: UNKNOWN, name: "X" }] }),
  // Deleting a group that is already gone is idempotent by design (a double click): nothing changes.
  a({
    name: "group delete: a contact id",
    action: "deleteGroupAction",
    expect: "harmless",
    args: [() => ({ id: ids.contactId })],
  }),
  a({ name: "group link: unknown id", action: "linkGroupAction", args: [{ id: UNKNOWN }] }),
  a({ name: "group drift: a campaign id", action: "fixDriftAction", args: [() => ({ id: ids.draft })] }),
  // --- public opt-out (no session) ---
  a({ name: "opt-out: SQL token", action: "optOutAction", expect: "harmless", args: [form({ token: SQL_OR })] }),
  a({ name: "opt-out: no token", action: "optOutAction", expect: "harmless", args: [form({})] }),
  a({
    name: "opt-out: 5,000-character token",
    action: "optOutAction",
    expect: "harmless",
    args: [form({ token: "t".repeat(5000) })],
  }),
  a({ name: "opt-out: NUL token", action: "optOutAction", expect: "harmless", args: [form({ token: "ab\u0000cd" })] }),
  a({
    name: "opt-out: a guest id as the token",
    action: "optOutAction",
    expect: "harmless",
    args: [() => form({ token: ids.contactId })],
  }),
  a({ name: "opt-out: body [] (no form)", action: "optOutAction", expect: "harmless", args: [], status: [400, 404] }),
  a({
    name: 'opt-out: body ["x"] (a string for the form)',
    action: "optOutAction",
    expect: "harmless",
    args: ["x"],
    status: [400, 404],
  }),
  a({
    name: "opt-out: body [{}] (an object for the form)",
    action: "optOutAction",
    expect: "harmless",
    args: [{}],
    status: [400, 404],
  }),
  a({ name: "opt-out: body [null]", action: "optOutAction", expect: "harmless", args: [null], status: [400, 404] }),
  // --- public sign-up page (no session): posted as the page's script posts it (form-encoded, JSON answer) ---
  ...(
    [
      ["no fields", {}],
      ["SQL as the number", { phone: SQL_OR, firstName: "Anna", language: "en" }],
      ["300 kB name", { phone: "20123456", firstName: HUGE, language: "en" }],
      ["NUL in the name", { phone: "20123456", firstName: "An\u0000na", language: "en" }],
      ["markup as the name", { phone: "20123456", firstName: "<img src=x onerror=alert(1)>", language: "en" }],
      ["an unknown language", { phone: "20123456", firstName: "Anna", language: "xx" }],
      ["day 32", { phone: "20123456", firstName: "Anna", language: "en", birthdayDay: "32", birthdayMonth: "1" }],
      ["30 February", { phone: "20123456", firstName: "Anna", language: "en", birthdayDay: "30", birthdayMonth: "2" }],
      ["a forged form time", { phone: "20123456", firstName: "Anna", language: "en", stamp: "1700000000000.x" }],
      ["SQL as the source", { phone: "20123456", firstName: "Anna", language: "en", source: SQL_OR }],
    ] as const
  ).map(([what, fields]) =>
    h({
      name: `sign-up: ${what}`,
      as: "none",
      method: "POST",
      path: "/api/join",
      body: String(new URLSearchParams(fields as Record<string, string>)),
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      status: [404, 409, 413, 422],
    }),
  ),
  h({
    name: "sign-up: JSON instead of the form",
    as: "none",
    method: "POST",
    path: "/api/join",
    body: JSON.stringify({ phone: "20123456", firstName: "Anna", language: "en" }),
    headers: { "content-type": "application/json", accept: "application/json" },
    status: [415],
  }),
  h({
    name: "sign-up: from another site",
    as: "none",
    method: "POST",
    path: "/api/join",
    body: "phone=20123456&firstName=Anna&language=en",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://evil.test" },
    status: [303],
  }),
  a({
    name: "sign-up confirm: SQL token",
    action: "confirmSignupAction",
    expect: "harmless",
    args: [form({ token: SQL_OR })],
  }),
  a({
    name: "sign-up confirm: 5,000-character token",
    action: "confirmSignupAction",
    expect: "harmless",
    args: [form({ token: "t".repeat(5000) })],
  }),
  a({
    name: "sign-up confirm: body [{}] (an object for the form)",
    action: "confirmSignupAction",
    expect: "harmless",
    args: [{}],
    status: [400, 404],
  }),
  a({
    name: "compose: 2 MB message sent chunked (no Content-Length)",
    action: "composeAction",
    args: [{ ...validCompose(), message: HUGE_MB }],
    chunked: true,
    status: [411, 413],
  }),
  a({
    name: "compose: small body sent chunked (no Content-Length)",
    action: "composeAction",
    args: [validCompose()],
    chunked: true,
    status: [411, 413],
  }),

  // --- sign-in action (malformed only: never a counted failed attempt) ---
  a({
    name: "sign in: not an email",
    action: "signInAction",
    expect: "harmless",
    args: [{}, form({ email: "not-an-email", password: "x" })],
  }),
  a({
    name: "sign in: SQL email",
    action: "signInAction",
    expect: "harmless",
    args: [{}, form({ email: SQL_OR, password: SQL_OR })],
  }),
  a({
    name: "sign in: empty password",
    action: "signInAction",
    expect: "harmless",
    args: [{}, form({ email: "a@cafe.test", password: "" })],
  }),
  a({
    name: "sign in: 300 kB email",
    action: "signInAction",
    expect: "harmless",
    args: [{}, form({ email: HUGE, password: "x" })],
  }),

  // --- route handlers ---
  h({
    name: "export: garbage filters",
    path: "/history/export?from=garbage&to=2024-13-45&state=<x>&provider=twilio&campaign=1%20OR%201=1",
    status: [200],
  }),
  h({
    name: "export: 30 February to 0000-00-00",
    path: "/history/export?from=2024-02-30&to=0000-00-00",
    status: [200],
  }),
  h({ name: "export: far future dates", path: "/history/export?from=9999-99-99&to=9999-12-31", status: [200] }),
  h({ name: "export: SQL search", path: `/history/export?q=${encodeURIComponent(SQL_DROP)}`, status: [200] }),
  h({ name: "export: LIKE wildcards", path: `/history/export?q=${encodeURIComponent(LIKE)}`, status: [200] }),
  h({ name: "export: NUL in search", path: "/history/export?q=a%00b&sender=%00", status: [200] }),
  h({ name: "export: 20 kB search", path: `/history/export?q=${"9".repeat(20_000)}`, status: [200, 414, 431] }),
  h({
    name: "export: repeated parameters",
    path: "/history/export?provider=cpsms&provider=smsapp&from=2024-01-01&from=x",
    status: [200],
  }),
  h({ name: "export: POST not allowed", method: "POST", path: "/history/export", status: [405] }),
  h({ name: "export: as staff", path: "/history/export", as: "staff", status: [403] }),
  h({
    name: "webhook: no token",
    path: "/api/webhooks/cpsms?status=1&receiver=4520000077",
    method: "POST",
    as: "none",
    status: [403],
  }),
  h({
    name: "webhook: forged token",
    path: "/api/webhooks/cpsms?ref=dlr-bad-input&token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&status=1&receiver=4520000077",
    method: "POST",
    as: "none",
    status: [403],
  }),
  h({
    name: "webhook: another reference's token",
    path: () => `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken("other-ref")}&status=1&receiver=4520000077`,
    method: "POST",
    as: "none",
    status: [403],
  }),
  h({
    name: "webhook: valid token, no status",
    path: () => `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&receiver=4520000077`,
    method: "POST",
    as: "none",
    status: [400],
  }),
  h({
    name: "webhook: valid token, status not a number",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=delivered&receiver=4520000077`,
    method: "POST",
    as: "none",
    status: [400],
  }),
  h({
    name: "webhook: valid token, receiver is script",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=1&receiver=${encodeURIComponent(SCRIPT)}`,
    method: "POST",
    as: "none",
    status: [400, 404],
  }),
  h({
    name: "webhook: valid token, another message's receiver",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=1&receiver=4520000078`,
    method: "POST",
    as: "none",
    status: [404],
  }),
  h({
    name: "webhook: valid token, status 1e309",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=1e309&receiver=4520000077`,
    method: "POST",
    as: "none",
    status: [400],
  }),
  h({
    name: "webhook: valid token, huge receiver",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=1&receiver=${"4".repeat(5000)}`,
    method: "POST",
    as: "none",
    status: [400, 404],
  }),
  h({
    name: "webhook: NUL reference",
    path: "/api/webhooks/cpsms?ref=a%00b&token=x&status=1&receiver=1",
    method: "POST",
    as: "none",
    status: [403],
  }),
  h({
    name: "webhook: signed report, NUL in the receiver",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=1&receiver=4520000077%00`,
    method: "POST",
    as: "none",
    status: [400],
  }),
  h({
    name: "webhook: signed report, NUL in the reference",
    path: () => `/api/webhooks/cpsms?ref=dlr%00x&token=${dlrToken("dlr\u0000x")}&status=1&receiver=4520000077`,
    method: "POST",
    as: "none",
    status: [400],
  }),
  h({
    name: "webhook: signed report, NUL in the status",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=1%00&receiver=4520000077`,
    method: "POST",
    as: "none",
    status: [400],
  }),
  h({
    name: "webhook: signed report, GET with NUL in the receiver",
    path: () =>
      `/api/webhooks/cpsms?ref=${ids.messageRef}&token=${dlrToken(ids.messageRef)}&status=2&receiver=%004520000077`,
    as: "none",
    status: [400],
  }),
  h({ name: "webhook: PUT", path: "/api/webhooks/cpsms", method: "PUT", as: "none", status: [405] }),
  h({
    name: "auth: credentials callback without CSRF",
    method: "POST",
    path: "/api/auth/callback/credentials",
    as: "none",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "email=a%40b.c&password=x",
  }),
  h({ name: "auth: unknown auth action", path: "/api/auth/%3Cscript%3E", as: "none" }),
  h({
    name: "auth: malformed JSON body",
    method: "POST",
    path: "/api/auth/session",
    as: "none",
    headers: { "content-type": "application/json" },
    body: "{not json",
  }),

  // --- CSV import (step 1 writes nothing; step 2 only files where no row is valid) ---
  h({
    name: "import: a well-formed file (control case)",
    method: "POST",
    path: "/contacts/import/analyze?name=guests.csv",
    body: "phone,first_name\n+4520000101,Ann\n",
    status: [200],
  }),
  h({
    name: "import: empty file",
    method: "POST",
    path: "/contacts/import/analyze?name=a.csv",
    body: "",
    status: [200, 400],
  }),
  h({
    name: "import: binary garbage",
    method: "POST",
    path: "/contacts/import/analyze?name=a.png",
    body: "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0001",
    status: [200, 400],
  }),
  h({
    name: "import: NUL bytes in cells",
    method: "POST",
    path: "/contacts/import/analyze",
    body: "phone,first_name\n+4520000101,A\u0000B\n",
    status: [200, 400],
  }),
  h({
    name: "import: 2 MB line without a newline",
    method: "POST",
    path: "/contacts/import/analyze",
    body: HUGE_MB,
    status: [200, 400],
  }),
  h({
    name: "import: 20,000 columns",
    method: "POST",
    path: "/contacts/import/analyze",
    body: `${",".repeat(20_000)}\n${",".repeat(20_000)}\n`,
    status: [200, 400],
  }),
  h({
    name: "import: unbalanced quotes",
    method: "POST",
    path: "/contacts/import/analyze",
    body: 'phone,name\n"+4520000101,"Ann\n+4520000102,"Bo',
    status: [200, 400],
  }),
  h({
    name: "import: formula and script cells",
    method: "POST",
    path: "/contacts/import/analyze",
    body: `phone,first_name\n=1+2,${SCRIPT}\n+cmd|' /C calc'!A0,=HYPERLINK(x)\n`,
    status: [200],
  }),
  h({
    name: "import: options not JSON",
    method: "POST",
    path: "/contacts/import/analyze?options=%7Bnope",
    body: "phone\n+4520000101\n",
    status: [400],
  }),
  h({
    name: "import: mapping column 999",
    method: "POST",
    path: `/contacts/import/analyze?options=${encodeURIComponent(JSON.stringify({ mapping: { phone: 999 } }))}`,
    body: "phone\n+4520000101\n",
    status: [400],
  }),
  h({
    name: "import: mapping column -1",
    method: "POST",
    path: `/contacts/import/analyze?options=${encodeURIComponent(JSON.stringify({ mapping: { phone: -1 } }))}`,
    body: "phone\n+4520000101\n",
    status: [400],
  }),
  h({
    name: "import: declared size over the limit",
    method: "POST",
    path: "/contacts/import/analyze",
    body: `phone\n${"+4520000101\n".repeat(1_000_000)}`,
    status: [400, 413],
  }),
  h({
    name: "import: as staff",
    method: "POST",
    path: "/contacts/import/analyze",
    as: "staff",
    body: "phone\n+4520000101\n",
    status: [403],
  }),
  h({
    name: "import run: only invalid phones",
    method: "POST",
    path: "/contacts/import/run",
    body: `phone,first_name\n${SQL_DROP},A\n${encodeURIComponent(SCRIPT)},B\nnot a phone,C\n`,
    status: [200, 400],
    mayChange: ["audit_log"],
  }),
  h({
    name: "import run: a campaign id as the group",
    method: "POST",
    path: () => `/contacts/import/run?options=${encodeURIComponent(JSON.stringify({ groupId: ids.draft }))}`,
    body: "phone\n+4520000101\n",
    status: [200, 400, 404],
  }),
  h({
    name: "import run: group id not a uuid",
    method: "POST",
    path: `/contacts/import/run?options=${encodeURIComponent(JSON.stringify({ groupId: "1 OR 1=1" }))}`,
    body: "phone\n+4520000101\n",
    status: [400],
  }),
  h({
    name: "import run: 300 kB consent wording",
    method: "POST",
    path: `/contacts/import/run?options=${encodeURIComponent(JSON.stringify({ consentWording: "w".repeat(3000) }))}`,
    body: "phone\n+4520000101\n",
    status: [400],
  }),
  // --- guest book exports and pages ---
  h({
    name: "contacts export: group of 36 dashes",
    path: `/contacts/export?group=${"-".repeat(36)}`,
    status: [200, 400],
    mayChange: ["audit_log"],
  }),
  h({
    name: "contacts export: group SQL",
    path: `/contacts/export?group=${encodeURIComponent(SQL_OR)}`,
    status: [200],
    mayChange: ["audit_log"],
  }),
  h({ name: "GDPR export: unknown guest", path: `/contacts/${UNKNOWN}/gdpr-export`, status: [404] }),
  h({ name: "GDPR export: not a uuid", path: "/contacts/1%20OR%201=1/gdpr-export", status: [400, 404] }),
  h({ name: "GDPR export: 36 dashes", path: `/contacts/${"-".repeat(36)}/gdpr-export`, status: [404] }),
  h({
    name: "GDPR export: 36 f (right length, not a uuid)",
    path: `/contacts/${"f".repeat(36)}/gdpr-export`,
    status: [404],
  }),
  h({ name: "GDPR export: a user id", path: () => `/contacts/${ids.ownerId}/gdpr-export`, status: [404] }),
  h({
    name: "GDPR export: as staff",
    path: () => `/contacts/${ids.contactId}/gdpr-export`,
    as: "staff",
    status: [403],
  }),
  h({ name: "page: contacts NUL search", path: "/contacts?q=%00&tag=%00", status: [200] }),
  h({
    name: "page: contacts reflected search",
    path: `/contacts?q=${encodeURIComponent(IMG)}&sort=${encodeURIComponent(SCRIPT)}`,
    status: [200],
    mustNotContain: IMG,
  }),
  h({ name: "page: contacts page 1e308", path: "/contacts?page=1e308&size=1000000", status: [200] }),
  h({ name: "page: contact id not a uuid", path: "/contacts/..%2F..%2Fetc", status: [404] }),
  h({ name: "page: unknown contact", path: `/contacts/${UNKNOWN}`, status: [404] }),
  h({ name: "page: unknown group", path: `/groups/${UNKNOWN}`, status: [404] }),
  h({ name: "page: group id is a contact id", path: () => `/groups/${ids.contactId}`, status: [404] }),
  h({
    name: "page: opt-out with script token",
    as: "none",
    path: `/o/${encodeURIComponent(SCRIPT)}`,
    status: [200, 404],
    mustNotContain: SCRIPT,
  }),
  h({ name: "page: opt-out with SQL token", as: "none", path: `/o/${encodeURIComponent(SQL_OR)}`, status: [200, 404] }),
  h({ name: "page: opt-out with NUL token", as: "none", path: "/o/ab%00cd", status: [200, 404] }),
  h({ name: "page: opt-out with a malformed escape", as: "none", path: "/o/%E0%A4%A", status: [400] }),
  h({
    name: "page: opt-out with 5,000-character token",
    as: "none",
    path: `/o/${"t".repeat(5000)}`,
    status: [200, 404, 414, 431],
  }),
  h({ name: "page: opt-out with a guest id", as: "none", path: () => `/o/${ids.contactId}`, status: [200, 404] }),

  h({
    name: "short link with script code",
    as: "none",
    path: `/l/${encodeURIComponent(SCRIPT)}`,
    status: [404],
    mustNotContain: SCRIPT,
  }),
  h({ name: "short link with SQL code", as: "none", path: `/l/${encodeURIComponent(SQL_OR)}`, status: [404] }),
  h({ name: "short link with NUL code", as: "none", path: "/l/abcd%00ef", status: [404] }),
  h({ name: "short link with a malformed escape", as: "none", path: "/l/%E0%A4%A", status: [400, 404] }),
  h({ name: "short link with a traversal", as: "none", path: "/l/..%2F..%2Fetc", status: [404] }),
  h({
    name: "short link with 5,000-character code",
    as: "none",
    path: `/l/${"t".repeat(5000)}`,
    status: [404, 414, 431],
  }),
  h({ name: "short link unknown", as: "none", path: "/l/noSuchC0", status: [404] }),
  h({
    name: "offer page with script token",
    as: "none",
    path: `/c/${encodeURIComponent(SCRIPT)}`,
    status: [404],
    mustNotContain: SCRIPT,
  }),
  h({ name: "offer page with SQL token", as: "none", path: `/c/${encodeURIComponent(SQL_OR)}`, status: [404] }),
  h({ name: "offer page with NUL token", as: "none", path: "/c/7KQ2M9XD%00a1B2c3D", status: [404] }),
  h({ name: "offer page with a malformed escape", as: "none", path: "/c/%E0%A4%A", status: [400, 404] }),
  h({
    name: "offer page with 5,000-character token",
    as: "none",
    path: `/c/${"t".repeat(5000)}`,
    status: [404, 414, 431],
  }),
  h({ name: "offer page with a forged signature", as: "none", path: "/c/7KQ2M9XDa1B2c3D4", status: [404] }),

  h({ name: "QR code: path traversal", path: "/settings/signup/qr/..%2F..%2Fetc%2Fpasswd", status: [404] }),
  h({ name: "QR code: unknown source", path: "/settings/signup/qr/join-no-such-source.png", status: [404] }),
  h({ name: "QR code: NUL in the name", path: "/settings/signup/qr/join-a%00b.svg", status: [404] }),
  h({ name: "QR code: another format", path: "/settings/signup/qr/join.html", status: [404] }),
  h({ name: "QR code: as staff", path: "/settings/signup/qr/join.svg", as: "staff", status: [403] }),
  h({
    name: "table card: script as source",
    path: `/settings/signup/card?source=${encodeURIComponent(SCRIPT)}`,
    status: [404],
    mustNotContain: SCRIPT,
  }),
  h({
    name: "logo: script as version",
    as: "none",
    path: `/brand/logo?v=${encodeURIComponent(SCRIPT)}`,
    status: [200, 404],
  }),
  h({ name: "logo: POST not allowed", method: "POST", as: "none", path: "/brand/logo", status: [405] }),
  // --- pages with hostile URLs ---
  h({ name: "page: campaign id not a uuid", path: "/campaigns/1%20OR%201=1", status: [404] }),
  h({ name: "page: unknown campaign", path: `/campaigns/${UNKNOWN}`, status: [404] }),
  h({ name: "page: campaign page=1.5", path: () => `/campaigns/${ids.draft}?page=1.5`, status: [200] }),
  h({ name: "page: campaign page=1e308", path: () => `/campaigns/${ids.draft}?page=1e308`, status: [200] }),
  h({ name: "page: campaign page=99999999999", path: () => `/campaigns/${ids.draft}?page=99999999999`, status: [200] }),
  h({
    name: "page: campaign unknown status filter",
    path: () => `/campaigns/${ids.draft}?status=${encodeURIComponent(SCRIPT)}`,
    status: [200],
    mustNotContain: SCRIPT,
  }),
  h({ name: "page: message id too big", path: "/history/999999999999999", status: [404] }),
  h({ name: "page: message id negative", path: "/history/-1", status: [404] }),
  h({ name: "page: message id 20 digits", path: "/history/99999999999999999999", status: [404] }),
  h({
    name: "page: history cursor out of range (time)",
    path: `/history?after=${b64("99999999999999999999.1")}`,
    status: [200],
  }),
  h({
    name: "page: history cursor out of range (id)",
    path: `/history?before=${b64("1.99999999999999999999")}`,
    status: [200],
  }),
  h({ name: "page: history cursor garbage", path: "/history?after=%ff%fe&before=!!", status: [200] }),
  h({
    name: "page: history reflected script in search",
    path: `/history?q=${encodeURIComponent(IMG)}&sender=${encodeURIComponent(SCRIPT)}`,
    status: [200],
    mustNotContain: IMG,
  }),
  h({ name: "page: history NUL and escapes in search", path: "/history?q=%00%1b%5B31m&sender=a%00", status: [200] }),
  h({ name: "page: history dates 30 February", path: "/history?from=2024-02-30&to=2024-02-31", status: [200] }),
  h({ name: "page: history year 0000", path: "/history?from=0000-00-00&to=0000-01-01", status: [200] }),
  h({ name: "page: cpsms log page 999999", path: "/history/cpsms?page=999999&to=%2B4520000077", status: [200] }),
  h({ name: "page: smsapp uid traversal", path: "/history/smsapp/..%2F..%2Fetc%2Fpasswd", status: [404] }),
  h({ name: "page: smsapp uid 5,000 chars", path: `/history/smsapp/${"u".repeat(5000)}`, status: [404, 414, 431] }),
  h({
    name: "page: sign-in open redirect",
    as: "none",
    path: "/sign-in?callbackUrl=%2F%2Fevil.example%2F",
    status: [200],
    mustNotContain: 'name="callbackUrl" value="//evil',
  }),
  h({
    name: "page: sign-in javascript: callback",
    as: "none",
    path: "/sign-in?callbackUrl=javascript%3Aalert(1)",
    status: [200],
    mustNotContain: 'name="callbackUrl" value="javascript',
  }),
  h({
    name: "page: sign-in callback with a tab",
    as: "none",
    path: "/sign-in?callbackUrl=%2F%09%2F127.0.0.1%3A4650%2F_sandbox",
    status: [200],
    mustNotContain: "127.0.0.1:4650",
  }),
  h({
    name: "page: sign-in callback with a line feed",
    as: "none",
    path: "/sign-in?callbackUrl=%2F%0a%2F127.0.0.1%3A4650%2F_sandbox",
    status: [200],
    mustNotContain: "127.0.0.1:4650",
  }),
  h({
    name: "page: sign-in callback with a carriage return",
    as: "none",
    path: "/sign-in?callbackUrl=%2F%0d%2F127.0.0.1%3A4650%2F_sandbox",
    status: [200],
    mustNotContain: "127.0.0.1:4650",
  }),
  h({
    name: "page: sign-in callback with an ideographic space",
    as: "none",
    path: "/sign-in?callbackUrl=%2F%E3%80%80%2F127.0.0.1%3A4650%2F_sandbox",
    status: [200],
    mustNotContain: "127.0.0.1:4650",
  }),
  h({
    name: "page: sign-in reflected error code",
    as: "none",
    path: `/sign-in?code=${encodeURIComponent(IMG)}&error=${encodeURIComponent(SCRIPT)}`,
    status: [200],
    mustNotContain: IMG,
  }),
];

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
function b64(s: string) {
  return Buffer.from(s).toString("base64url");
}
function dlrToken(reference: string) {
  const { encryptionKey, authSecret } = JSON.parse(fs.readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8"));
  return createHmac("sha256", encryptionKey ?? authSecret)
    .update(`dlr:${reference}`)
    .digest("base64url")
    .slice(0, 32);
}

const WATCHED = [
  "users",
  "campaigns",
  "campaign_messages",
  "message_events",
  "contacts",
  "groups",
  "group_members",
  "recurring_sends",
  "restaurant_settings",
  "provider_settings",
  "audit_log",
  "suppressions",
  "consent_events",
  "import_batches",
  "signup_settings",
  "signup_sources",
  "automations",
  "automation_occurrences",
  "restaurant_logo",
];

/** A fingerprint per watched table (row count and a hash of every row), to prove that nothing changed. */
const snapshot = () => lookup.fingerprints(WATCHED);

const UNCLEAR =
  /\bat \S+ \(|TypeError|ReferenceError|syntax error|violates|relation "|invalid byte|ECONN|\[object|undefined|stack/i;

test(`bad input: ${CASES.length} hostile or malformed inputs: no 500s, clear errors, nothing changed`, async () => {
  expect(CASES.length).toBeGreaterThanOrEqual(100);
  const manifest = actionManifest();
  const byName = new Map(discoverActions().map((x) => [x.name, manifest.get(`${x.file}#${x.name}`)!]));

  // Users and sessions of this test's own (signed in by API): the cases aim at them (a forged role change, an own
  // password), and should one wrongly succeed, no other spec's session goes with it.
  const staff = await seed.user("staff");
  const manager = await seed.user("manager");
  const cookies: Record<Role, string> = {
    owner: await apiSessionCookie(E2E.owner),
    manager: await apiSessionCookie(manager),
    staff: await apiSessionCookie(staff),
  };
  const seededGroup = await seed.group("Bad input regulars", [
    { phone: "+4520000088", firstName: "Bad", lastName: "Input" },
  ]);
  ids.groupId = seededGroup.groupId;
  ids.contactId = seededGroup.guests[0]!.id;
  ids.ownerId = (await lookup.user(E2E.owner.email))!.id;
  ids.staffId = staff.id;
  const base = { provider: "cpsms", body: "Hi" } as const;
  ids.draft = (await seed.campaign({ ...base, name: "Bad input draft", status: "draft", messages: [] })).id;
  ids.completed = (
    await seed.campaign({
      ...base,
      name: "Bad input done",
      status: "completed",
      messages: [
        { phone: ids.messagePhone, status: "delivered", reference: ids.messageRef },
        { phone: ids.otherPhone, status: "delivered", reference: "dlr-other" },
      ],
    })
  ).id;

  const results: { name: string; ok: boolean; detail: string; ms: number }[] = [];
  for (const c of CASES) {
    const before = await snapshot();
    const started = Date.now();
    let ok = true;
    let detail = "";
    try {
      if (c.kind === "action") {
        const built = byName.get(c.action);
        if (!built) throw new Error(`unknown action ${c.action}`);
        const first = built.pages.sort()[0]!;
        const page = first.startsWith("/campaigns/")
          ? first.replace("[id]", ids.draft)
          : first.replace("[id]", ids.contactId).replace("[token]", "x");
        const args = c.args.map((x) => (typeof x === "function" ? (x as () => unknown)() : x));
        const res = await callAction({
          id: built.id,
          page,
          args,
          cookie: c.action === "optOutAction" ? undefined : cookies[c.as ?? "owner"],
          chunked: c.chunked,
        });
        const result = res.result as { ok?: boolean; error?: { code?: string; message?: string } | string } | undefined;
        if (res.status >= 500) {
          ok = false;
          detail = `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
        } else if (res.status === 413) {
          detail = "413 (body over the action size limit)"; // refused before the action runs: fine
        } else if (c.status) {
          detail = `HTTP ${res.status}`;
          if (!c.status.includes(res.status) || result !== undefined) {
            ok = false;
            detail += ` (expected ${c.status.join("/")}, refused before the action runs): ${res.body.slice(0, 160)}`;
          }
        } else if (result === undefined && res.redirect && c.expect === "harmless") {
          detail = `→${res.redirect}`;
        } else if (result === undefined) {
          ok = false;
          detail = `HTTP ${res.status}, no action result: ${res.body.slice(0, 200)}`;
        } else {
          const message = typeof result.error === "object" ? result.error?.message : result.error;
          const code = typeof result.error === "object" ? result.error?.code : "";
          detail = result.ok ? "ok" : `${code} "${message ?? ""}"`;
          if (code === "INTERNAL") {
            ok = false; // an unexpected server error, only dressed as a result
            detail += " (server error)";
          }
          if ((c.expect ?? "reject") === "reject") {
            if (result.ok !== false) ok = false;
            if (!message || message.length > 400 || UNCLEAR.test(message)) {
              ok = false;
              detail += " (not a clear error)";
            }
          } else if (message && UNCLEAR.test(message)) {
            ok = false;
            detail += " (not a clear error)";
          }
        }
      } else {
        const url = typeof c.path === "function" ? c.path() : c.path;
        const headers: Record<string, string> = { origin: E2E.baseURL, ...c.headers };
        if (c.as !== "none") headers.cookie = cookies[c.as ?? "owner"];
        const res = await fetch(`${E2E.baseURL}${url}`, {
          method: c.method ?? "GET",
          headers,
          body: c.body,
          redirect: "manual",
        });
        const text = await res.text();
        detail = `HTTP ${res.status}${res.status >= 400 && text.length < 400 ? ` ${text.replace(/\s+/g, " ").slice(0, 110)}` : ""}`;
        if (res.status >= 500 || (c.status && !c.status.includes(res.status))) {
          ok = false;
          detail += ` (expected ${c.status?.join("/") ?? "< 500"}): ${text.slice(0, 160).replace(/\s+/g, " ")}`;
        }
        if (c.mustNotContain && text.includes(c.mustNotContain)) {
          ok = false;
          detail += " (reflected unescaped)";
        }
      }
    } catch (err) {
      ok = false;
      detail = `threw ${(err as Error).message}`;
    }
    const after = await snapshot();
    const changed = Object.keys(after).filter((t) => after[t] !== before[t] && !(c.mayChange ?? []).includes(t));
    if (changed.length) {
      ok = false;
      detail += ` (changed: ${changed.join(", ")})`;
    }
    results.push({ name: c.name, ok, detail, ms: Date.now() - started });
  }

  console.log(
    [
      "",
      `Bad input: ${results.filter((r) => r.ok).length}/${results.length} as intended`,
      ...results.map((r) => `${r.ok ? "  ok " : "  ✗  "} ${r.name.padEnd(58)} ${r.detail.slice(0, 150)}`),
      "",
    ].join("\n"),
  );
  expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`)).toEqual([]);
});
