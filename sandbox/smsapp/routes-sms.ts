import { parseScheduleTime } from "../../lib/sms/smsapp/schedule-time";
import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { checkMsisdn } from "../shared/phone";
import { readInput, text } from "./input";
import { laravelPaginator, pageParam } from "./paginator";
import type { OutgoingSms, SmsappSandboxState, SmsappSmsRecord } from "./state";
import { businessError, handlerError, modelNotFound, success, validationError } from "./wire";

const TYPES = ["plain", "unicode", "voice", "mms", "whatsapp"];
const CAMPAIGN_MESSAGE =
  "Your campaign successfully store and is being produced in the background. Track the process in the Reports -> Campaigns Menu";

/** POST /sms/send: synchronous single send, or a background campaign for several numbers / a schedule. */
export function handleSend(state: SmsappSandboxState, request: SandboxRequest): SandboxResponse {
  const { version, approvedSenderIds } = state.options;
  const input = readInput(request);
  const recipient = text(input.recipient)?.trim();
  const message = text(input.message);
  if (!recipient || !message) return validationError();
  const scheduleText = text(input.schedule_time);
  const dueAt = scheduleText === null ? null : parseScheduleTime(scheduleText, state.options.timezone);
  if (scheduleText !== null && dueAt === null) return validationError();

  const type = text(input.type) ?? "plain";
  if (!TYPES.includes(type))
    return businessError(version, "Please insert valid sms type called plain, unicode, voice, mms, and whatsapp.");
  // CampaignController::smsSend writes these three as plain response()->json(): HTTP 200, no `data`.
  if (type === "voice" && !input.language && !input.gender)
    return handlerError("Language and gender parameters are required");
  if (type === "mms" && !input.media_url) return handlerError("media_url parameter is required");
  if (type === "mms" && !URL.canParse(String(input.media_url))) return handlerError("Valid media url is required.");
  const senderId = text(input.sender_id)?.trim();
  if (!senderId) return businessError(version, "Sender ID required");
  const senderOk = /^\d{1,15}$/.test(senderId) || (senderId.length <= 11 && /^[A-Za-z0-9 ._&-]+$/.test(senderId));
  if (!senderOk || (approvedSenderIds !== null && !approvedSenderIds.includes(senderId))) {
    return businessError(version, `Originator ${senderId} is not authorized to send this message`);
  }

  const commas = recipient.split(",").length - 1;
  // 3.1 only routes a string with exactly one comma to the campaign path; longer lists hit the single path and fail.
  const campaign = dueAt !== null || (version === "3.1" ? commas === 1 : commas >= 1);
  const numbers = campaign ? recipient.split(",").map((n) => n.trim()) : [recipient];
  const checked = numbers.map((n) => checkMsisdn(n));
  const invalid = checked.find((c) => !c.ok);
  if (invalid && !invalid.ok) return businessError(version, `${invalid.to} is a invalid phone number`);

  const forced = request.recipientFailure;
  const outgoing: OutgoingSms[] = checked.flatMap((c) =>
    c.ok ? [{ to: c.msisdn, from: senderId, message, type }] : [],
  );
  const refused = forced
    ? outgoing.find((sms) => forced.recipients === null || forced.recipients.includes(sms.to))
    : undefined;
  if (refused) return businessError(version, forced?.message ?? "Invalid receiver");

  const price = outgoing.reduce((sum, sms) => sum + state.price(sms).cost, 0);
  if (state.units <= 0) return businessError(version, "You have exceeded your sending limit.");
  if (price > state.units) {
    return businessError(
      version,
      `There is not enough balance available to send this message.You have ${state.units} of the ${price}`,
    );
  }
  if (campaign) {
    state.scheduleCampaign(outgoing, dueAt?.getTime() ?? state.clock.now());
    return success(CAMPAIGN_MESSAGE, null);
  }
  const record = state.deliver(outgoing[0] as OutgoingSms);
  return success("Your message was successfully delivered", view(record));
}

/** GET /sms/{uid}. */
export function handleGet(state: SmsappSandboxState, uid: string): SandboxResponse {
  const record = state.records.find((r) => r.uid === uid);
  return record ? success(null, view(record)) : modelNotFound("Reports", uid);
}

/** GET /sms?page=N: 25 per page, insertion order (3.1) or newest first (3.7). */
export function handleList(state: SmsappSandboxState, request: SandboxRequest): SandboxResponse {
  const rows = state.records.map(view);
  const ordered = state.options.version === "3.7" ? rows.reverse() : rows;
  const path = `${request.url.origin}${request.url.pathname.replace(/\/+$/, "")}`;
  return success(null, laravelPaginator(ordered, pageParam(request.query), path));
}

/** The six columns Ultimate SMS selects. */
export function view(record: SmsappSmsRecord) {
  return {
    uid: record.uid,
    to: record.to,
    from: record.from,
    message: record.message,
    status: record.status,
    cost: record.cost,
  };
}
