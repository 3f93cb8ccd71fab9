import type { ApiResponse } from "./types";

/**
 * The one error shape of the REST API: RFC 9457 problem details (`application/problem+json`), with our stable
 * `code` and, for invalid input, every problem with its field path ("spend.amount"). In English: it is read by
 * the developer of the calling system, not by restaurant staff (like the CSV exports).
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  errors?: FieldProblem[];
};

export type FieldProblem = { path: string; message: string };

/** Every problem the API answers with, and its HTTP status (the OpenAPI document lists them all). */
export const PROBLEMS = {
  unauthorized: { status: 401, title: "Missing or invalid API key" },
  "insufficient-scope": { status: 403, title: "The API key lacks the scope for this call" },
  "not-found": { status: 404, title: "No such route" },
  "guest-not-found": { status: 404, title: "No guest with that phone number or id" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "The body must be JSON" },
  "malformed-json": { status: 400, title: "The body is not valid JSON" },
  "validation-failed": { status: 422, title: "The request has invalid fields" },
  "idempotency-key-reused": { status: 422, title: "Idempotency key reused with a different request" },
  "visit-exists-for-other-guest": { status: 409, title: "That external id is already another guest's visit" },
  "rate-limited": { status: 429, title: "Too many calls for this API key" },
  internal: { status: 500, title: "Internal error" },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemCode = keyof typeof PROBLEMS;

/** The problem's `type` URI: a tag URI (RFC 4151), a stable name that doesn't pretend to be a page. */
export const problemType = (code: ProblemCode) => `tag:cafe-de-revenue,2026:problem:${code}`;

/** A problem+json answer. */
export function problem(
  code: ProblemCode,
  detail: string,
  extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): ApiResponse {
  const { status, title } = PROBLEMS[code];
  const body: Problem = { type: problemType(code), title, status, code, detail };
  if (extra.errors) body.errors = extra.errors;
  return { status, headers: { "content-type": "application/problem+json", ...extra.headers }, body };
}

/** zod issues as field problems: "spend.amount", "birthday.month", "" for the body itself. */
export function fieldProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldProblem[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
