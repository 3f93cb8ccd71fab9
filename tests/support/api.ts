import { randomUUID } from "node:crypto";
import { answerApiCall } from "@/lib/api/handlers";
import { createApiKey } from "@/lib/api/manage-keys";
import type { ApiScope } from "@/lib/api/scopes";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";

/** A fresh key with these scopes (made by a fresh owner). */
export async function newKey(scopes: ApiScope[] = ["guests:write", "visits:write"]) {
  const owner = await insertUser({ role: "owner" });
  const key = await createApiKey(getDb(), owner, { name: `k-${randomUUID().slice(0, 6)}`, scopes });
  return { ...key, owner };
}

/** Calls the API as a system would: JSON body, bearer key, optional Idempotency-Key. */
export function call(
  path: string,
  secret: string | null,
  body: unknown,
  options: { idempotencyKey?: string; method?: string; headers?: Record<string, string> } = {},
) {
  return answerApiCall(path, {
    method: options.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {}),
      ...options.headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
