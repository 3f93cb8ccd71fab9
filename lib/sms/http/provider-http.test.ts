import { describe, expect, it } from "vitest";
import { createProviderHttp, type ProviderCall } from "./provider-http";
import { resolveRetryOptions } from "./retry";

type Seen = { url: string; init: RequestInit };

function fakeFetch(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

function http(fetch: typeof globalThis.fetch) {
  return createProviderHttp<ProviderCall & { latin1?: boolean }, unknown>(
    {
      baseUrl: "https://api.example.test/v2/",
      fetch,
      timeoutMs: 1000,
      retry: resolveRetryOptions({ maxAttempts: 2, sleep: async () => {} }),
      now: () => 0,
    },
    {
      provider: "cpsms",
      secrets: ["s3cret-key"],
      headers: { Authorization: "Basic s3cret-key" },
      encodeBody: (call, json) =>
        call.latin1
          ? { body: Uint8Array.from(Buffer.from(json, "latin1")), contentType: "application/json; charset=iso-8859-1" }
          : { body: json, contentType: "application/json; charset=utf-8" },
      interpret: (_call, answer, fail) => {
        if (answer.status < 300) return answer.json;
        throw fail({
          httpStatus: answer.status,
          code: "server_error",
          retryable: true,
          mayHaveBeenAccepted: false,
          retryAfterMs: answer.retryAfterMs,
          message: "bad key s3cret-key",
        });
      },
    },
  );
}

describe("the shared provider transport", () => {
  it("builds the URL, query and headers the same way for every provider (auth first, then Accept)", async () => {
    const { fetch, seen } = fakeFetch(200, '{"ok":true}');
    const call: ProviderCall = {
      operation: "send",
      method: "POST",
      path: "/send",
      query: { a: 1, b: undefined },
      body: { to: "45" },
      kind: "send",
    };
    await expect(http(fetch).call(call)).resolves.toEqual({ ok: true });
    expect(seen[0]?.url).toBe("https://api.example.test/v2/send?a=1");
    expect(Object.entries(seen[0]?.init.headers ?? {})).toEqual([
      ["Authorization", "Basic s3cret-key"],
      ["Accept", "application/json"],
      ["Content-Type", "application/json; charset=utf-8"],
    ]);
    expect(seen[0]?.init.body).toBe('{"to":"45"}');
  });

  it("sends the provider's own body encoding, and no Content-Type without a body", async () => {
    const { fetch, seen } = fakeFetch(200, "{}");
    await http(fetch).call({
      operation: "send",
      method: "POST",
      path: "/send",
      body: { m: "Æble" },
      kind: "send",
      latin1: true,
    });
    expect([...((seen[0]?.init.body ?? new Uint8Array()) as Uint8Array)]).toEqual([
      ...Buffer.from('{"m":"Æble"}', "latin1"),
    ]);
    await http(fetch).call({ operation: "read", method: "GET", path: "/creditvalue", kind: "read" });
    expect(Object.keys(seen[1]?.init.headers ?? {})).toEqual(["Authorization", "Accept"]);
  });

  it("scrubs secrets from the provider's wording and retries only as the call's kind allows", async () => {
    const { fetch, seen } = fakeFetch(500, "{}", { "retry-after": "1" });
    const error = await http(fetch)
      .call({ operation: "read", method: "GET", path: "/x", kind: "read" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ provider: "cpsms", code: "server_error", httpStatus: 500, retryAfterMs: 1000 });
    expect(JSON.stringify(error)).not.toContain("s3cret-key");
    expect(seen).toHaveLength(2);
  });
});
