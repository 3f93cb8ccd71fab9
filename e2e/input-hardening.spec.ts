import http from "node:http";
import type { AddressInfo } from "node:net";
import { sessionCookieOf } from "./support/auth";
import { E2E } from "./support/config";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";
import { discoverRouteHandlers } from "./support/surface";
import { expectUnchanged } from "./support/wait";

// Issue #14 items 6 and 10 as an attacker would try them against the running server: a page on another port of
// the same host (same site, so the SameSite=Lax session cookie goes along, but not the same origin) posting to
// the import route with a manager's cookie, the same request replayed with forged or missing Origin headers,
// and an opt-out link merely opened.

test.describe.configure({ mode: "serial", timeout: 180_000 });

const CSV = (phone: string) => `phone,first_name\n${phone},Mallory\n`;
const importQuery = (name: string) =>
  `name=${name}&options=${encodeURIComponent(JSON.stringify({ consentWording: "Yes, texts please", existing: "update" }))}`;

const contactCount = (phone: string) => lookup.contactCount({ phone });

/** Serves one HTML page from another port of this host (same site, other origin). */
async function serveEvilPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test("a page on another port cannot import guests with a signed-in manager's cookie", async ({ pageAs }) => {
  const page = await pageAs("manager");

  const phone = "+4526741401";
  const target = `${E2E.baseURL}/contacts/import/run?${importQuery("evil.csv")}`;
  // A plain form post (no script needed, no preflight): enctype text/plain sends "<name>=<value>", so the field's
  // name carries the CSV; the trailing "x=" line is one rejected row. The browser reads the whole answer as a
  // navigation or download, so a successful import would finish and commit.
  const name = `${CSV(phone).replace(/\n$/, "")}\nx`;
  const evil = await serveEvilPage(`<!doctype html><title>win a prize</title>
    <form id="f" method="POST" enctype="text/plain" action="${target.replace(/&/g, "&amp;")}"><input type="hidden" name="${name.replace(/"/g, "&quot;").replace(/\n/g, "&#10;")}" value=""></form>
    <script>document.getElementById("f").submit();</script>`);
  try {
    // An NDJSON answer is saved as a download (its end means the server finished); a refusal shows as a page.
    const answered = Promise.race([
      page.waitForEvent("download").then((d) => d.path()),
      page.waitForResponse((r) => r.url().startsWith(`${E2E.baseURL}/contacts/import/run`)).then((r) => r.finished()),
    ]);
    await page.goto(evil.url, { waitUntil: "commit" });
    await answered;
    // The import streams after its answer: give a successful one ample time to land before checking.
    await expectUnchanged(() => contactCount(phone), 0, {
      forMs: 3000,
      message: "the cross-origin import must not add the guest",
    });
  } finally {
    await evil.close();
  }
});

test("every state-changing route handler refuses a forged or missing Origin, and takes its own", async () => {
  const cookie = sessionCookieOf("manager");
  // Not here: Auth.js's own and the signed CPSMS webhook; the REST API (a bearer key, cookies never read); the
  // sign-up form's post, which checks the Origin in its direct route (bad-input's "sign-up: from another site").
  const routes = discoverRouteHandlers().filter(
    (r) =>
      !r.route.startsWith("/api/auth/") &&
      !r.route.startsWith("/api/webhooks/") &&
      !r.route.startsWith("/api/v1/") &&
      r.route !== "/api/join",
  );
  const unsafe = routes.flatMap((r) =>
    r.methods.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m)).map((m) => ({ ...r, method: m })),
  );
  expect(unsafe.map((r) => `${r.method} ${r.route}`).sort()).toEqual([
    "POST /contacts/import-visits/analyze",
    "POST /contacts/import-visits/run",
    "POST /contacts/import/analyze",
    "POST /contacts/import/run",
  ]);

  const phone = "+4526741402";
  for (const r of unsafe) {
    for (const origin of [
      "http://localhost:1",
      `http://127.0.0.1:${E2E.port}`,
      "https://evil.example",
      "null",
      undefined,
    ]) {
      const headers: Record<string, string> = { cookie, "content-type": "text/csv" };
      if (origin) headers.origin = origin;
      const res = await fetch(`${E2E.baseURL}${r.route}?${importQuery("forged.csv")}`, {
        method: r.method,
        headers,
        body: CSV(phone),
      });
      const text = await res.text();
      expect(res.status, `${r.method} ${r.route} with Origin ${origin ?? "(none)"}: ${text.slice(0, 200)}`).toBe(403);
      expect(text).toMatch(/another site|page/i);
    }
  }
  expect(await contactCount(phone)).toBe(0);

  // The same request from our own origin goes through, so the Origin check is what refused the others.
  const own = await fetch(`${E2E.baseURL}/contacts/import/run?${importQuery("own.csv")}`, {
    method: "POST",
    headers: { cookie, origin: E2E.baseURL, "content-type": "text/csv" },
    body: CSV(phone),
  });
  expect(own.status).toBe(200);
  expect(await own.text()).toContain('"type":"done"');
  expect(await contactCount(phone)).toBe(1);
});

test("opening an opt-out link changes nothing; only the button does", async ({ page }) => {
  const { guests } = await seed.group("Input hardening opt-out", [{ phone: "+4526741403", firstName: "Olga" }]);
  const consent = () => lookup.consentState(guests[0]!.id);
  for (const method of ["GET", "HEAD"]) {
    const res = await fetch(`${E2E.baseURL}/o/${guests[0]!.token}`, { method });
    expect(res.status).toBe(200);
  }
  await page.goto(`/o/${guests[0]!.token}`);
  await expect(page.getByRole("button", { name: "Yes, unsubscribe me" })).toBeVisible();
  expect(await consent()).toBe("granted");
  await page.getByRole("button", { name: "Yes, unsubscribe me" }).click();
  await expect(page.getByTestId("opt-out-done")).toBeVisible();
  expect(await consent()).toBe("withdrawn");
});
