import { performance } from "node:perf_hooks";
import { withDb } from "@/e2e/support/instance";
import { JOIN_POST_PATH, type JoinAnswer } from "@/lib/signup/join-answer";
import { startAppInstance } from "./app-instance";
import { percentile, serverTimeMs } from "./measure";
import type { Bench } from "./types";

const PORT = 5430; // app; +1 Postgres, +2/+3 sandboxes
const GUESTS = 100;
const WARM_UP = 30;
/** The form must have been on screen as long as a person takes to fill it in (lib/signup/limits.ts MIN_FILL_MS). */
const FILL_MS = 2_700;

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The sign-up page's form as the server rendered it: its hidden fields (language, source, time, wording). */
async function openForm(baseURL: string): Promise<[string, string][]> {
  const html = await (await fetch(`${baseURL}/join`)).text();
  const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [
    m[1]!,
    unescapeHtml(m[2] ?? ""),
  ]);
}

/**
 * 100 guests pressing "Sign me up" at the same moment (a room scanning the table cards after an announcement),
 * against a production instance started like `npm start`; each from its own address (TRUST_PROXY, as behind
 * the restaurant's proxy), each with its own number, posted as the page's script posts it. Server time: what
 * the server reports in Server-Timing, from the request's arrival to its answer (a connection's setup and the
 * client's own work on this machine are not the server's); the round trip is in the line too. Then every
 * confirmation text must reach the sandbox handset exactly once.
 */
export const signupBench: Bench = {
  names: ["signup.submit"],
  async run(report) {
    const step = (m: string) => process.stderr.write(`signup: ${m}\n`);
    step("starting a production instance");
    const app = await startAppInstance(PORT, {
      extraEnv: { TRUST_PROXY: "true" },
      sandboxesInOwnProcess: true,
      sandboxNiceness: 19,
    });
    try {
      // A rush like this is planned for: the caps are raised as Settings > Sign-up would (defaults 60/30 an hour).
      await withDb(app.dbUrl, (db) =>
        db.query(`insert into signup_settings (id, hourly_cap, hourly_cap_per_country) values (1, 10000, 10000)
          on conflict (id) do update set hourly_cap = 10000, hourly_cap_per_country = 10000`),
      );
      await fetch(`http://127.0.0.1:${PORT + 2}/_sandbox/balance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ balance: 1_000_000 }),
      });
      const phone = (i: number) => `+452${String(7_000_000 + i).padStart(7, "0")}`;
      // As the page's script posts the form: its fields, form-encoded, to JOIN_POST_PATH, asking for JSON.
      const post = async (fields: [string, string][], i: number) => {
        const body = new URLSearchParams(fields);
        body.set("phone", phone(i).slice(3));
        body.set("firstName", "Guest");
        body.set("website", "");
        const start = performance.now();
        const res = await fetch(`${app.baseURL}${JOIN_POST_PATH}`, {
          method: "POST",
          body,
          headers: {
            origin: app.baseURL,
            accept: "application/json",
            "x-forwarded-for": `10.${Math.floor(i / 250)}.${i % 250}.7`,
          },
        });
        const answer = (await res.json()) as JoinAnswer;
        const roundTrip = performance.now() - start;
        const server = serverTimeMs(res); // from the request's arrival to its answer
        return { ms: server, roundTrip, ok: res.status === 200 && answer.kind === "sent" };
      };

      step(`warming up with ${WARM_UP} sign-ups`);
      const warm = await Promise.all(Array.from({ length: WARM_UP }, () => openForm(app.baseURL)));
      await new Promise((r) => setTimeout(r, FILL_MS));
      // Together, as guests come in on a busy evening: each web process's connections to the database are open.
      await Promise.all(warm.map((fields, i) => post(fields, 900 + i)));

      step(`${GUESTS} guests open the page and fill it in`);
      const forms = await Promise.all(Array.from({ length: GUESTS }, () => openForm(app.baseURL)));
      await new Promise((r) => setTimeout(r, FILL_MS));
      step(`${GUESTS} guests press the button at once`);
      const began = performance.now();
      const results = await Promise.all(forms.map((fields, i) => post(fields, i)));
      const wallMs = performance.now() - began;

      step("waiting for the confirmation texts");
      const handset = async (i: number) => {
        const res = await fetch(`http://127.0.0.1:${PORT + 2}/_sandbox/handsets/${phone(i).slice(1)}`);
        return ((await res.json()) as { messages: { text: string }[] }).messages;
      };
      const deadline = Date.now() + 120_000;
      let texts: number[] = [];
      do {
        texts = await Promise.all(Array.from({ length: GUESTS }, async (_, i) => (await handset(i)).length));
        if (texts.every((n) => n >= 1)) break;
        await new Promise((r) => setTimeout(r, 1000));
      } while (Date.now() < deadline);
      // A moment more, for a duplicate that would arrive after the first.
      await new Promise((r) => setTimeout(r, 3000));
      texts = await Promise.all(Array.from({ length: GUESTS }, async (_, i) => (await handset(i)).length));
      const recorded = await withDb(app.dbUrl, async (db) => {
        const { rows } = await db.query<{ n: number }>(
          "select count(distinct phone)::int as n from signups where phone = any($1) and status in ('received', 'pending')",
          [Array.from({ length: GUESTS }, (_, i) => phone(i))],
        );
        return rows[0]!.n;
      });

      const missing = texts.flatMap((n, i) => (n === 0 ? [phone(i)] : []));
      if (missing.length > 0) {
        // Say why: the sign-up's state and its text's.
        const why = await withDb(app.dbUrl, async (db) => {
          const { rows } = await db.query(
            `select s.status as signup, m.status as message, m.error_code, m.error_message from signups s
             left join campaign_messages m on m.campaign_id = s.confirmation_campaign_id where s.phone = any($1)`,
            [missing],
          );
          return rows;
        });
        step(`no text for ${missing.length}: ${JSON.stringify(why)}`);
      }
      const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
      const roundTrips = results.map((r) => r.roundTrip).sort((a, b) => a - b);
      report({
        bench: "signup.submit",
        value: Math.round(percentile(sorted, 95)),
        unit: "ms",
        target: 150,
        p50: Math.round(percentile(sorted, 50)),
        max: Math.round(sorted.at(-1) ?? 0),
        roundTripP95: Math.round(percentile(roundTrips, 95)),
        guests: GUESTS,
        wallMs: Math.round(wallMs),
        answered: results.filter((r) => r.ok).length,
        lost: GUESTS - recorded,
        confirmations: texts.filter((n) => n === 1).length,
        duplicates: texts.filter((n) => n > 1).length,
        missing: texts.filter((n) => n === 0).length,
        webProcesses: app.webProcesses,
        measured:
          "server time (Server-Timing: the request's arrival to its answer) of the form's post as the page's script sends it; roundTripP95: the client's view on loopback, connection and client included",
      });
    } finally {
      await app.stop();
    }
  },
};
