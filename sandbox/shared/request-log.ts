import type { IncomingHttpHeaders } from "node:http";

/** One API request as the sandbox saw it. Credentials are never stored, only whether they were present. */
export interface RequestLogEntry {
  id: number;
  at: string;
  atMs: number;
  method: string;
  /** Path below the API prefix, e.g. "/send". */
  path: string;
  query: Record<string, string>;
  accept: string | null;
  contentType: string | null;
  hasAuthorization: boolean;
  /** Parsed JSON body, or the raw text (first 2000 characters), or null. */
  body: unknown;
  /** Answered status; null while pending or when the connection was hung up / reset. */
  status: number | null;
  /** Fault rule applied, if any. */
  faultId: string | null;
  faultType: string | null;
}

const MAX_ENTRIES = 5000;

/** The last few thousand API requests, for tests that count calls or inspect bodies. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  add(input: {
    atMs: number;
    method: string;
    path: string;
    query: URLSearchParams;
    headers: IncomingHttpHeaders;
    rawBody: Buffer;
  }): RequestLogEntry {
    const text = input.rawBody.toString("utf8");
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text.slice(0, 2000);
      }
    }
    const entry: RequestLogEntry = {
      id: this.nextId++,
      at: new Date(input.atMs).toISOString(),
      atMs: input.atMs,
      method: input.method,
      path: input.path,
      query: Object.fromEntries(input.query),
      accept: input.headers.accept ?? null,
      contentType: input.headers["content-type"] ?? null,
      hasAuthorization: typeof input.headers.authorization === "string",
      body,
      status: null,
      faultId: null,
      faultType: null,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return entry;
  }

  list(filter: { method?: string; path?: string } = {}): RequestLogEntry[] {
    return this.entries
      .filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || e.path === filter.path),
      )
      .map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
