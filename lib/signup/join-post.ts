import "server-only";
import { firstProblemKey, validateInput } from "@/lib/actions/validate-input";
import { getDb } from "@/lib/db";
import { AppError, toLocalizedError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { type GuestLocale, isGuestLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";
import type { DirectAnswer, DirectRequest } from "@/lib/runtime/direct-routes";
import { joinSchema } from "@/lib/validation/join";
import { JOIN_RESULT_PARAM, type JoinAnswer } from "./join-answer";
import { sharedJoinContext } from "./join-context";
import { GuestPhoneProblem } from "./read-guest-phone";
import { SOURCE_SLUG } from "./source-slug";
import { submitSignup } from "./submit-signup";

/** The form has eight short fields; anything much bigger was not sent by our page. */
export const JOIN_BODY_LIMIT_BYTES = 16 * 1024;

const STATUS: Record<string, number> = { INVALID_INPUT: 422, RATE_LIMITED: 429, CONFLICT: 409, NOT_FOUND: 404 };
/** Problems that mean the page must be shown again before the guest can sign up. */
const RELOAD = new Set(["Guest.join.errors.wordingChanged", "Guest.join.errors.formExpired"]);

/**
 * The sign-up form's button, `POST /api/join` (form-encoded). Public on purpose (anyone may sign up), so the
 * checks are submitSignup's: the honeypot, the fill time, limits per address and number, the hourly text caps;
 * and the Origin, as for every state-changing request. The page's script asks for JSON (`JoinAnswer`, words in
 * the guest's language); a browser without script is sent back to the page (303) with the outcome in the query.
 * Answered before Next's router by the launcher (lib/runtime/direct-routes.ts): a room signing up at once.
 */
export async function answerJoinPost(request: DirectRequest): Promise<DirectAnswer> {
  const fields = isFormBody(request.headers["content-type"])
    ? Object.fromEntries(new URLSearchParams(request.body))
    : null;
  const language: GuestLocale = isGuestLocale(fields?.language) ? fields.language : "en";
  const source = fields?.source && SOURCE_SLUG.test(fields.source) ? fields.source : "";
  const wantsJson = (request.headers.accept ?? "").includes("application/json");
  const answer = (status: number, body: JoinAnswer, key?: string): DirectAnswer =>
    wantsJson ? { status, body } : { status: 303, location: pageAfter(source, language, body, key) };
  const problem = async (status: number, key: string, reload = false) =>
    answer(
      status,
      { kind: "problem", message: await localizeMessage(key, undefined, language), fieldErrors: {}, reload },
      key,
    );

  const host = String(request.headers.host ?? "localhost");
  const headers = { get: (name: string) => headerValue(request.headers[name.toLowerCase()]) };
  if (!isSameOrigin({ headers, url: `http://${host}${request.path}` }))
    return problem(403, "Guest.join.errors.otherSite");
  if (!fields) return problem(415, "Errors.unexpectedForm");

  const input = await validateInput(fields, joinSchema, language);
  if (!input.ok) {
    const fieldErrors = input.error.fieldErrors ?? {};
    const atField = Object.values(fieldErrors).some((m) => m?.length);
    return answer(
      422,
      { kind: "problem", message: atField ? null : input.error.message, fieldErrors },
      firstProblemKey(fields, joinSchema) ?? "Errors.unexpectedForm",
    );
  }
  try {
    const context = await sharedJoinContext(input.data.source);
    const outcome = await submitSignup(getDb(), input.data, { address: request.clientAddress }, new Date(), context);
    return answer(200, outcome);
  } catch (err) {
    if (err instanceof GuestPhoneProblem) {
      const message = await localizeMessage(err.message, undefined, language);
      return answer(422, { kind: "problem", message: null, fieldErrors: { phone: [message] } }, err.message);
    }
    if (err instanceof AppError) return problem(STATUS[err.code] ?? 400, err.message, RELOAD.has(err.message));
    const { message } = await toLocalizedError(err, language); // logged there; the guest gets the plain words
    return answer(500, { kind: "problem", message, fieldErrors: {} }, "Errors.internal");
  }
}

/** The page again, for a browser without script: the same source and language, the outcome in the query. */
function pageAfter(source: string, language: GuestLocale, body: JoinAnswer, key?: string): string {
  const query = new URLSearchParams({ lang: language });
  if (body.kind === "sent") query.set(JOIN_RESULT_PARAM.sent, "1");
  else query.set(JOIN_RESULT_PARAM.problem, body.kind === "capped" ? "Guest.join.capped" : (key ?? "Errors.internal"));
  return `${source ? `/join/${source}` : "/join"}?${query}`;
}

function isFormBody(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "application/x-www-form-urlencoded";
}

function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
