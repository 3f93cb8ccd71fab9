import { getSegmentInfo, stripNonGsmCharacters } from "../../lib/sms/encoding";
import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { type CpsmsParams, intParam, readJsonBody, readParams, stringParam } from "./params";
import type { CpsmsSandboxState, CpsmsSmsDraft } from "./state";
import { checkRecipient, checkSender, isValidDlrUrl, pointPrice } from "./validation";
import { cpsmsError, type RecipientError, recipientErrors, successEntries } from "./wire";

const MAX_MESSAGE_LENGTH = 1530;
const MAX_REFERENCE_LENGTH = 32;

/** POST /send — JSON only. */
export function handleSend(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  const body = readJsonBody(request);
  if ("error" in body) return body.error;
  const params = body.params ?? {};
  if (params.to === undefined || params.to === "" || (Array.isArray(params.to) && params.to.length === 0)) {
    return cpsmsError(400, "Receiver (to) is required");
  }
  return processSend(state, request, Array.isArray(params.to) ? params.to : [params.to], params);
}

/** POST /sendgroup — JSON only; one SMS per group member. */
export function handleSendGroup(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  const body = readJsonBody(request);
  if ("error" in body) return body.error;
  const params = body.params ?? {};
  const groupId = intParam(params.to_group);
  if (groupId === null) return cpsmsError(400, "Group id (to_group) is required");
  if (!state.groups.has(groupId)) return cpsmsError(400, "Group not found");
  const members = [...state.contacts.values()].filter((c) => c.groupIds.has(groupId)).map((c) => c.phoneNumber);
  if (members.length === 0) return cpsmsError(409, "No contacts in group");
  return processSend(state, request, members, params);
}

/** GET /simplesend/{to}/{message}/{from} (or the same as query parameters); `to` may be comma-separated. */
export function handleSimpleSend(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  const read = readParams(request, ["to", "message", "from"]);
  if ("error" in read) return read.error;
  const to = stringParam(read.params.to);
  if (!to) return cpsmsError(400, "Receiver (to) is required");
  return processSend(state, request, to.split(","), read.params);
}

function processSend(
  state: CpsmsSandboxState,
  request: SandboxRequest,
  rawRecipients: unknown[],
  params: CpsmsParams,
): SandboxResponse {
  const options = state.options;
  const message = stringParam(params.message);
  if (!message) return cpsmsError(400, "Message is required");
  const encoding = params.encoding ?? "UTF-8";
  if (encoding !== "UTF-8" && encoding !== "ISO-8859-1") return cpsmsError(409, "Encoding format not recognized");
  const format = params.format ?? "GSM";
  if (format !== "GSM" && format !== "UNICODE") return cpsmsError(409, "Format not recognized");
  const from = params.from === undefined || params.from === "" ? options.defaultSender : stringParam(params.from);
  if (from === null) return cpsmsError(400, "Sender name must be text");
  const senderProblem = checkSender(from);
  if (senderProblem) return cpsmsError(senderProblem.status, senderProblem.message);
  const timestamp = params.timestamp === undefined ? null : intParam(params.timestamp);
  if (params.timestamp !== undefined && timestamp === null)
    return cpsmsError(400, "timestamp must be a unix timestamp");
  const dlrUrl = params.dlr_url === undefined ? null : stringParam(params.dlr_url);
  if (params.dlr_url !== undefined && (dlrUrl === null || !isValidDlrUrl(dlrUrl)))
    return cpsmsError(409, "DLR URL is not a valid URL");
  const reference = params.reference === undefined ? null : stringParam(params.reference);
  if (reference !== null && reference.length > MAX_REFERENCE_LENGTH) {
    return cpsmsError(400, `reference can be at most ${MAX_REFERENCE_LENGTH} characters`);
  }

  // Characters GSM-7 cannot carry are dropped silently, as CPSMS documents.
  const text = format === "UNICODE" ? message : stripNonGsmCharacters(message);
  if ([...text].length > MAX_MESSAGE_LENGTH)
    return cpsmsError(400, `Message can be at most ${MAX_MESSAGE_LENGTH} characters`);
  const info = getSegmentInfo(text, format === "UNICODE" ? "UCS-2" : "GSM-7");

  const forced = request.recipientFailure;
  const accepted: Array<{ to: string; cost: number; segments: number; countryCode: string; pointPrice: number }> = [];
  const errors: RecipientError[] = [];
  for (const raw of rawRecipients) {
    const check = checkRecipient(raw);
    if (!check.ok) {
      errors.push({ to: check.to, code: check.code, message: check.message });
    } else if (forced && (forced.recipients === null || forced.recipients.includes(check.msisdn))) {
      errors.push({
        to: check.msisdn,
        code: 400,
        message: forced.message ?? "Phone number length and country code do not match.",
      });
    } else {
      const price = pointPrice(check.countryCode, options.pointPrices, options.defaultPointPrice);
      accepted.push({
        to: check.msisdn,
        cost: round(price * info.segments),
        segments: info.segments,
        countryCode: check.countryCode,
        pointPrice: price,
      });
    }
  }

  const variant = options.wireVariant;
  if (accepted.length === 0) return { status: 400, json: { error: recipientErrors(variant, errors) } };
  const total = round(accepted.reduce((sum, a) => sum + a.cost, 0));
  if (total > state.credit) return cpsmsError(402, "Not enough SMS points");
  state.credit = round(state.credit - total);

  const now = state.clock.now();
  const sendAtMs = timestamp !== null && timestamp * 1000 > now ? timestamp * 1000 : now;
  const drafts: CpsmsSmsDraft[] = accepted.map((a) => ({
    to: a.to,
    from,
    text,
    encoding: info.encoding,
    segments: a.segments,
    pointPrice: a.pointPrice,
    cost: a.cost,
    reference,
    dlrUrl,
    flash: params.flash === 1 || params.flash === "1",
    sendAtMs,
  }));
  state.submit(drafts);

  const json: Record<string, unknown> = { success: successEntries(variant, accepted) };
  if (errors.length > 0) json.error = recipientErrors(variant, errors);
  return { status: errors.length > 0 ? 207 : 200, json };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
