import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findClosedPort } from "../../../sandbox/testing/callback-receiver";
import { ProviderError } from "../errors";
import { findCauseCode, parseRetryAfter, performRequest, tryParseJson } from "./transport";

describe("transport helpers", () => {
  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("3", 0)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(parseRetryAfter("soon", 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it("finds system error codes in nested causes", () => {
    const nested = new TypeError("fetch failed", {
      cause: new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]),
    });
    expect(findCauseCode(nested)).toBe("ECONNREFUSED");
    expect(findCauseCode(new Error("plain"))).toBeNull();
  });

  it("returns undefined for non-JSON", () => {
    expect(tryParseJson("<html>")).toBeUndefined();
    expect(tryParseJson("")).toBeUndefined();
    expect(tryParseJson('{"a":1}')).toEqual({ a: 1 });
  });
});

describe("performRequest", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/slow-body") {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"partial":');
        return; // never finishes the body
      }
      // "/hang": never answer
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const spec = (u: string) => ({
    provider: "cpsms" as const,
    operation: "send",
    method: "POST" as const,
    url: u,
    headers: {},
  });

  it("times out waiting for headers, flagged as possibly accepted", async () => {
    const started = Date.now();
    const error = await performRequest({ fetch, timeoutMs: 100 }, spec(`${url}/hang`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "timeout", retryable: true, mayHaveBeenAccepted: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out while reading a stalled body", async () => {
    const error = await performRequest({ fetch, timeoutMs: 100 }, spec(`${url}/slow-body`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "timeout", mayHaveBeenAccepted: true });
  });

  it("reports connection refused as never sent", async () => {
    const port = await findClosedPort();
    const error = await performRequest({ fetch, timeoutMs: 1000 }, spec(`http://127.0.0.1:${port}/`)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "network",
      retryable: true,
      mayHaveBeenAccepted: false,
      causeCode: "ECONNREFUSED",
    });
  });
});
