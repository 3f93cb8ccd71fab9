import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "../../../sandbox/cpsms/server";
import { findClosedPort } from "../../../sandbox/testing/callback-receiver";
import { instantRetry } from "../../../sandbox/testing/retry";
import { ProviderError } from "../errors";
import { createCpsmsClient } from "./client";

let sandbox: CpsmsSandbox;
beforeAll(async () => {
  sandbox = await startCpsmsSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

const setup = (timeoutMs = 2000) => {
  const retry = instantRetry();
  const client = createCpsmsClient({
    baseUrl: sandbox.url,
    username: "sandbox",
    apiKey: "sandbox-cpsms-api-key",
    retry,
    timeoutMs,
  });
  return { client, retry };
};
const sends = () => sandbox.state.requests({ path: "/send" }).length;
const received = () => sandbox.state.handset("4520202020").length;

describe("CPSMS retry policy for sends", () => {
  it("retries connection refused, then succeeds once the server is up", async () => {
    const port = await findClosedPort();
    let late: CpsmsSandbox | null = null;
    const retry = instantRetry({
      sleep: async () => {
        late ??= await startCpsmsSandbox({ port });
      },
    });
    try {
      const client = createCpsmsClient({
        baseUrl: `http://127.0.0.1:${port}/v2`,
        username: "sandbox",
        apiKey: "sandbox-cpsms-api-key",
        retry,
      });
      await expect(client.send({ to: "4520202020", text: "Hi" })).resolves.toMatchObject({ to: "4520202020" });
      expect(late).not.toBeNull();
      expect((late as CpsmsSandbox | null)?.state.handset("4520202020")).toHaveLength(1);
    } finally {
      await (late as CpsmsSandbox | null)?.stop();
    }
  });

  it("gives up on connection refused after maxAttempts", async () => {
    const port = await findClosedPort();
    const retry = instantRetry({ maxAttempts: 4 });
    const client = createCpsmsClient({
      baseUrl: `http://127.0.0.1:${port}/v2`,
      username: "u",
      apiKey: "k3y-k3y",
      retry,
    });
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "network",
      causeCode: "ECONNREFUSED",
      mayHaveBeenAccepted: false,
    });
    expect(retry.sleeps).toHaveLength(3);
  });

  it("retries 429 and 503 that carry Retry-After, waiting as told", async () => {
    const { client, retry } = setup();
    sandbox.state.addFault({ path: "/send", fault: { type: "status", status: 429, retryAfterSeconds: 2 } });
    sandbox.state.addFault({ path: "/send", fault: { type: "status", status: 503, retryAfterSeconds: 1 } });
    await client.send({ to: "4520202020", text: "Hi" });
    expect(retry.sleeps).toEqual([2000, 1000]);
    expect(sends()).toBe(3);
    expect(received()).toBe(1);
  });

  it("does not retry a 503 without Retry-After (it may have been accepted)", async () => {
    const { client } = setup();
    sandbox.state.addFault({ path: "/send", fault: { type: "status", status: 503 } });
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "server_error",
      mayHaveBeenAccepted: true,
    });
    expect(sends()).toBe(1);
  });

  it("never retries a send answered with 500 after CPSMS processed it: exactly one SMS", async () => {
    const { client } = setup();
    sandbox.state.addFault({ path: "/send", phase: "after", fault: { type: "status", status: 500 } });
    const error = await client.send({ to: "4520202020", text: "Hi" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "server_error", httpStatus: 500, mayHaveBeenAccepted: true });
    expect((error as ProviderError).userMessage).toContain("may still have gone out");
    expect(sends()).toBe(1);
    expect(received()).toBe(1);
  });

  it("never retries a send that timed out after CPSMS processed it: exactly one SMS", async () => {
    const { client } = setup(150);
    sandbox.state.addFault({ path: "/send", phase: "after", fault: { type: "hang" } });
    const started = Date.now();
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "timeout",
      mayHaveBeenAccepted: true,
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(sends()).toBe(1);
    expect(received()).toBe(1);
  });

  it("never retries a send whose connection was reset after writing", async () => {
    const { client } = setup();
    sandbox.state.addFault({ path: "/send", phase: "after", fault: { type: "reset" } });
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "network",
      mayHaveBeenAccepted: true,
    });
    expect(sends()).toBe(1);
    expect(received()).toBe(1);
  });

  it("reports malformed JSON as bad_response, not a crash", async () => {
    const { client } = setup();
    sandbox.state.addFault({ path: "/send", phase: "after", fault: { type: "malformed" } });
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "bad_response",
      mayHaveBeenAccepted: true,
    });
    expect(sends()).toBe(1);
  });

  it("does not wait out a Retry-After beyond the cap", async () => {
    const { client, retry } = setup();
    sandbox.state.addFault({ path: "/send", fault: { type: "status", status: 429, retryAfterSeconds: 3600 } });
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterMs: 3_600_000,
    });
    expect(retry.sleeps).toEqual([]);
  });
});

describe("CPSMS latency", () => {
  it("waits through injected latency below the timeout and times out above it", async () => {
    const { client } = setup(150);
    sandbox.state.addFault({ path: "/creditvalue", delayMs: 60 });
    const started = Date.now();
    await expect(client.getCreditValue()).resolves.toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    sandbox.state.addFault({ path: "/send", delayMs: 400 });
    await expect(client.send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "timeout",
      mayHaveBeenAccepted: true,
    });
    expect(sends()).toBe(1);
  });
});

describe("CPSMS retry policy for reads", () => {
  it("retries timeouts and 5xx on reads, bounded", async () => {
    const { client, retry } = setup(150);
    sandbox.state.addFault({ path: "/creditvalue", fault: { type: "hang" } });
    sandbox.state.addFault({ path: "/creditvalue", fault: { type: "status", status: 500 } });
    await expect(client.getCreditValue()).resolves.toBe(1000);
    expect(retry.sleeps).toHaveLength(2);

    sandbox.state.addFault({ path: "/listgroups", times: "always", fault: { type: "status", status: 502 } });
    await expect(client.listGroups()).rejects.toMatchObject({ code: "server_error", httpStatus: 502 });
    expect(sandbox.state.requests({ path: "/listgroups" })).toHaveLength(3);
  });

  it("does not retry a group change after a timeout", async () => {
    const { client } = setup(150);
    sandbox.state.addFault({ path: "/addgroup", phase: "after", fault: { type: "hang" } });
    await expect(client.addGroup("VIP")).rejects.toMatchObject({ code: "timeout" });
    expect(sandbox.state.requests({ path: "/addgroup" })).toHaveLength(1);
  });

  it("treats an unexpected shape as bad_response", async () => {
    const { client } = setup();
    sandbox.state.addFault({ path: "/creditvalue", fault: { type: "status", status: 200, body: { credit: "lots" } } });
    await expect(client.getCreditValue()).rejects.toMatchObject({
      code: "bad_response",
      providerMessage: expect.stringContaining("credit"),
    });
    sandbox.state.addFault({ path: "/listgroups", fault: { type: "status", status: 200, body: [{ id: 1 }] } });
    await expect(client.listGroups()).rejects.toMatchObject({ code: "bad_response" });
  });
});

describe("CPSMS secrets", () => {
  it("never exposes the API key or the Authorization header in errors or on the client", async () => {
    const apiKey = "SuperSecretKey-123456";
    const basic = Buffer.from(`sandbox:${apiKey}`).toString("base64");
    const client = createCpsmsClient({ baseUrl: sandbox.url, username: "sandbox", apiKey, retry: instantRetry() });
    sandbox.state.addFault({
      path: "/send",
      fault: { type: "status", status: 400, body: { error: { code: 400, message: `echo ${apiKey} Basic ${basic}` } } },
    });
    const errors = [
      await client.send({ to: "4520202020", text: "Hi" }).catch((e: unknown) => e),
      await client.getCreditValue().catch((e: unknown) => e),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ProviderError);
      const dump = [
        String(error),
        JSON.stringify(error),
        (error as Error).stack,
        JSON.stringify(Object.entries(error as object)),
        (error as ProviderError).userMessage,
      ].join("\n");
      expect(dump).not.toContain(apiKey);
      expect(dump).not.toContain(basic);
    }
    expect((errors[0] as ProviderError).providerMessage).toBe("echo [redacted] Basic [redacted]");
    expect(JSON.stringify(Object.entries(client))).not.toContain(apiKey);
    expect(sandbox.state.requests().every((r) => !JSON.stringify(r).includes(basic))).toBe(true);
  });
});
