import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { campaignMessages, linkClicks, trackedLinks } from "@/drizzle/schema";
import { publicBaseUrl } from "@/lib/consent/opt-out-link";
import { getDb, getPool } from "@/lib/db";
import { directRoutes } from "@/lib/runtime/app-direct-routes";
import { serveDirectRoute } from "@/lib/runtime/direct-routes";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { newLinkCode } from "./link-codes";
import { answerShortLink } from "./short-link-route";

const BROWSER =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari";
const URL_WRITTEN = "https://rose.example/menu?x=1";

/** A sent campaign whose recipients each have one short link; `sentAgoSeconds` back-dates the sending. */
async function linkedCampaign(n: number, sentAgoSeconds = 3600) {
  const phones = phoneNumbers("cpsms", n, 300_000 + Math.floor(Math.random() * 600_000));
  const recipients = phones.map((phone) => {
    const code = newLinkCode();
    return { phone, contactId: null, body: `Menu: ${publicBaseUrl()}/l/${code}`, links: [{ code, url: URL_WRITTEN }] };
  });
  const campaign = await quickCampaign("cpsms", phones, { recipients, trackLinks: true });
  await getDb().execute(sql`update campaign_messages set status = 'sent',
      sent_at = now() - make_interval(secs => ${sentAgoSeconds}) where campaign_id = ${campaign.id}`);
  return { campaign, codes: recipients.map((r) => r.links[0]!.code) };
}

const request = (code: string, options: { method?: string; ua?: string | null; lang?: string } = {}) =>
  answerShortLink({
    method: options.method ?? "GET",
    path: `/l/${code}`,
    query: new URLSearchParams(options.lang ? { lang: options.lang } : {}),
    headers: options.ua === null ? {} : { "user-agent": options.ua ?? BROWSER },
    body: "",
    clientAddress: "10.0.0.1",
  });

const clicksOf = (codes: string[]) =>
  getDb().select().from(linkClicks).where(inArray(linkClicks.code, codes)).orderBy(linkClicks.id);

describe("writing a campaign's links", () => {
  it("writes each recipient's links with the messages, and swaps a code already taken in text and row", async () => {
    const { codes } = await linkedCampaign(1);
    const taken = codes[0]!;
    const phone = phoneNumbers("cpsms", 1, 950_000 + Math.floor(Math.random() * 40_000))[0]!;
    const body = `Again: ${publicBaseUrl()}/l/${taken} ok`;
    const second = await quickCampaign("cpsms", [phone], {
      recipients: [{ phone, contactId: null, body, links: [{ code: taken, url: "https://other.example/" }] }],
    });
    const [link] = await getDb().select().from(trackedLinks).where(eq(trackedLinks.campaignId, second.id));
    const [message] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, second.id));
    expect(link!.code).not.toBe(taken);
    expect(link!.url).toBe("https://other.example/");
    expect(message!.body).toBe(`Again: ${publicBaseUrl()}/l/${link!.code} ok`);
    const days = (link!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(179.9);
    expect(days).toBeLessThan(180.1);
  });
});

describe("GET|HEAD /l/<code>", () => {
  it("records a person's click, then redirects (302) to the URL as written", async () => {
    const { codes } = await linkedCampaign(1);
    const answer = await request(codes[0]!);
    expect(answer).toMatchObject({ status: 302, location: URL_WRITTEN });
    const clicks = await clicksOf(codes);
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({ bot: false, botReason: null, userAgent: BROWSER });
  });

  it("tells bots apart: a crawler's user agent, none at all, a HEAD request, a request right after sending", async () => {
    const { codes } = await linkedCampaign(1);
    const code = codes[0]!;
    await request(code, { ua: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" });
    await request(code, { ua: null });
    expect(await request(code, { method: "HEAD" })).toMatchObject({ status: 302, location: URL_WRITTEN });
    const fresh = await linkedCampaign(1, 2);
    await request(fresh.codes[0]!);
    const clicks = await clicksOf([code, fresh.codes[0]!]);
    expect(clicks.map((c) => [c.bot, c.botReason])).toEqual([
      [true, "user_agent"],
      [true, "user_agent"],
      [true, "head"],
      [true, "too_soon"],
    ]);
  });

  it("shows a friendly page for an unknown (404) or expired (410) link, in the guest's language, no click", async () => {
    const { codes } = await linkedCampaign(1);
    await getDb()
      .update(trackedLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(trackedLinks.code, codes[0]!));
    const expired = await request(codes[0]!, { lang: "da" });
    expect(expired.status).toBe(410);
    expect(expired.html).toContain("Linket er udløbet");
    expect(expired.headers?.["content-security-policy"]).toContain("default-src 'none'");
    const unknown = await request(newLinkCode(), { lang: "ur" });
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('dir="rtl"');
    expect(await clicksOf(codes)).toHaveLength(0);
  });

  it("answers a malformed code with the same page without asking the database", async () => {
    await request("warm-up"); // the restaurant's name is cached for a minute
    const spy = vi.spyOn(getPool(), "query");
    for (const bad of ["abc", "abcdefghi", "abcd-fgh", "abcdefg%", "../../etc", "x".repeat(5000), "abc/defg"]) {
      const answer = await request(bad);
      expect(answer.status).toBe(404);
      expect(answer.html).toContain("<h1>");
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it("counts N concurrent requests as exactly N clicks (some on the same link)", async () => {
    const { codes } = await linkedCampaign(60);
    const requests = [...codes, ...codes.slice(0, 20), ...codes.slice(0, 5)];
    const answers = await Promise.all(requests.map((code) => request(code)));
    expect(answers.every((a) => a.status === 302)).toBe(true);
    const clicks = await clicksOf(codes);
    expect(clicks).toHaveLength(requests.length);
    const perCode = new Map<string, number>();
    for (const c of clicks) perCode.set(c.code, (perCode.get(c.code) ?? 0) + 1);
    expect(perCode.get(codes[0]!)).toBe(3);
    expect(perCode.get(codes[30]!)).toBe(1);
  });
});

describe("/l/<code> from the launcher", () => {
  let origin = "";
  const server = http.createServer((req, res) => {
    if (serveDirectRoute(directRoutes, req, res, "10.0.0.9")) return;
    res.writeHead(299).end("next");
  });
  beforeAll(
    () =>
      new Promise<void>((r) =>
        server.listen(0, "127.0.0.1", () => {
          origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          r();
        }),
      ),
  );
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("redirects with no-store, a referrer policy and Server-Timing, sets no cookie; HEAD too; POST goes on", async () => {
    const { codes } = await linkedCampaign(1);
    for (const method of ["GET", "HEAD"]) {
      const res = await fetch(`${origin}/l/${codes[0]}`, {
        method,
        redirect: "manual",
        headers: { "user-agent": BROWSER },
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(URL_WRITTEN);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+\.\d$/);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const page = await fetch(`${origin}/l/nope`, { headers: { "accept-language": "da" } });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("Vi kan ikke genkende dette link");
    expect((await fetch(`${origin}/l/${codes[0]}`, { method: "POST" })).status).toBe(299);
    expect(await clicksOf(codes)).toHaveLength(2);
  });
});

describe("/l/<code> through Next (app/l/[code]/route.ts)", () => {
  it("answers as the launcher does: the redirect after its click, the page for a bad code", async () => {
    const { GET, HEAD } = await import("@/app/l/[code]/route");
    const { codes } = await linkedCampaign(1);
    const base = "http://localhost:3000";
    const ok = await GET(new Request(`${base}/l/${codes[0]}`, { headers: { "user-agent": BROWSER } }));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(URL_WRITTEN);
    const head = await HEAD(new Request(`${base}/l/${codes[0]}`, { method: "HEAD" }));
    expect(head.status).toBe(302);
    const bad = await GET(new Request(`${base}/l/x?lang=en`));
    expect(bad.status).toBe(404);
    expect(bad.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await bad.text()).toContain("We don&#39;t recognise this link");
    expect((await clicksOf(codes)).map((c) => c.botReason)).toEqual([null, "user_agent"]);
  });
});
