import { isbot } from "isbot";

/**
 * A request this soon after its text went out (or was delivered) is a link previewer, not a person. Phones
 * and messaging apps that preview links fetch them on receipt, within a second or two; delivery reports often
 * arrive later than that, so the clock starts at the latest of sent, delivered and the campaign's scheduled time
 * (a text the provider holds goes out then). A person has to notice the text, open it, read it and tap: ten
 * seconds leaves previewers room for a slow network without swallowing many real taps. A person who does tap
 * that fast is counted as a bot: reports would rather undercount than overcount.
 */
export const TOO_SOON_SECONDS = 10;

/** Stored user agents are cut to this: enough to explain a verdict, not a tracking profile. */
export const USER_AGENT_MAX_CHARS = 200;

export type BotReason = "user_agent" | "head";

/**
 * The verdict a request earns by itself (the timing one needs the database): a crawler's or previewer's user
 * agent (isbot's list, kept up to date by its maintainers), or none at all (every browser sends one); a HEAD
 * request (link checkers; a person's browser always GETs).
 */
export function requestBotReason(method: string, userAgent: string | undefined): BotReason | null {
  if (!userAgent?.trim() || isbot(userAgent)) return "user_agent";
  if (method === "HEAD") return "head";
  return null;
}
