import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { checkMsisdn } from "../shared/phone";
import { readJson, text } from "./input";
import { view } from "./routes-sms";
import type { OutgoingSms, SmsappSandboxState } from "./state";
import { businessError, success } from "./wire";

const BULK_LIMIT = 50;

/**
 * POST /sms/send-bulk-messages: a JSON array of {contact, message, type}. Items with a missing field (or an
 * unusable number) are skipped, as the smsapp doc says. The reply body is undocumented; the sandbox returns
 * the created SMS objects as `data`.
 */
export function handleBulk(state: SmsappSandboxState, request: SandboxRequest): SandboxResponse {
  const body = readJson(request);
  if (!Array.isArray(body)) return { status: 200, json: { status: "error", message: "The given data was invalid." } };
  // The real limit's error is undocumented; refusing loudly beats silently dropping item 51 onward.
  if (body.length > BULK_LIMIT) {
    return {
      status: 200,
      json: { status: "error", message: `A maximum of ${BULK_LIMIT} messages can be sent per request.` },
    };
  }
  const forced = request.recipientFailure;
  const outgoing: OutgoingSms[] = [];
  for (const item of body as unknown[]) {
    if (!item || typeof item !== "object") continue;
    const { contact, message, type } = item as Record<string, unknown>;
    const checked = checkMsisdn(contact);
    const messageText = text(message);
    const typeText = text(type);
    if (!checked.ok || !messageText || (typeText !== "text" && typeText !== "image")) continue;
    if (forced && (forced.recipients === null || forced.recipients.includes(checked.msisdn))) continue;
    outgoing.push({ to: checked.msisdn, from: state.options.defaultSenderId, message: messageText, type: typeText });
  }
  const price = outgoing.reduce((sum, sms) => sum + state.price(sms).cost, 0);
  if (outgoing.length > 0 && state.units <= 0)
    return businessError(state.options.version, "You have exceeded your sending limit.");
  if (price > state.units) {
    return businessError(
      state.options.version,
      `There is not enough balance available to send this message.You have ${state.units} of the ${price}`,
    );
  }
  const records = outgoing.map((sms) => state.deliver(sms));
  return success("Your messages were successfully sent", records.map(view));
}
