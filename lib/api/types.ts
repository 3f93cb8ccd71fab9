/**
 * A REST API call as our handlers see it, independent of Next.js or node:http, so the same function answers
 * through a route.ts and straight from the HTTP server (lib/runtime/direct-routes.ts). Header names lower-case.
 */
export type ApiRequest = {
  method: string;
  headers: Record<string, string | undefined>;
  /** The raw body (the caller has already refused one over MAX_API_BODY_BYTES with 413). */
  body: Uint8Array | string;
};

/** The answer: `body` is serialised as JSON (content-type in `headers`). */
export type ApiResponse = { status: number; headers: Record<string, string>; body: unknown };

export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

/** Largest request body the API reads: a guest or a visit is well under 2 KB. */
export const MAX_API_BODY_BYTES = 16 * 1024;
