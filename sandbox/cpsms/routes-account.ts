import { formatDanishNumber } from "../../lib/sms/cpsms/danish-number";
import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { type CpsmsParams, intParam, readJsonBody, readParams, stringParam } from "./params";
import type { CpsmsSandboxState } from "./state";
import { confirmation, cpsmsError } from "./wire";

const GETLOG_INTERVAL_MS = 120_000;
const LOG_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/** GET /creditvalue: credit as a Danish-format string. */
export function handleCreditValue(state: CpsmsSandboxState): SandboxResponse {
  return { status: 200, json: { credit: formatDanishNumber(state.credit) } };
}

/** DELETE /deletesms/{reference} or JSON {reference}. */
export function handleDeleteSms(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  const read = readParams(request, ["reference"]);
  if ("error" in read) return read.error;
  const reference = stringParam(read.params.reference);
  if (!reference) return cpsmsError(400, "reference is required");
  const outcome = state.deleteScheduled(reference);
  if (outcome.result === "none") return cpsmsError(409, "No scheduled SMS with that reference");
  if (outcome.result === "too_late")
    return cpsmsError(409, "SMS can only be deleted more than 10 minutes before the send time");
  return confirmation(state.options.wireVariant, "SMS(s) deleted");
}

/**
 * GET /getlog[/{to}] | /getlog/{fromDate}/{toDate}[/{to}] | ?to=&fromDate=&toDate=.
 * One call per two minutes; what CPSMS answers beyond that is undocumented — the sandbox uses 406.
 */
export function handleGetLog(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  const now = state.clock.now();
  if (state.lastGetlogAtMs !== null && now - state.lastGetlogAtMs < GETLOG_INTERVAL_MS) {
    return cpsmsError(406, "The log can only be fetched once every 2 minutes");
  }
  const filter = readFilter(request);
  if ("error" in filter) return filter.error;
  state.lastGetlogAtMs = now;
  const rows = state.records
    .filter((r) => r.state === "sent" && r.sentAtMs !== null && r.sentAtMs >= now - LOG_WINDOW_MS)
    .filter((r) => filter.to === null || r.to === filter.to)
    .filter((r) => (r.sentAtMs as number) >= filter.from * 1000 && (r.sentAtMs as number) <= filter.until * 1000)
    .map((r) => ({
      to: r.to,
      from: r.from,
      pointPrice: r.pointPrice,
      smsAmount: r.segments,
      userReference: r.reference,
      dlrStatus: r.dlrStatus,
      dlrStatusText: r.dlrStatusText,
      timeSent: Math.floor((r.sentAtMs as number) / 1000),
    }));
  return rows.length === 0 ? cpsmsError(409, "Nothing to return") : { status: 200, json: rows };
}

function readFilter(
  request: SandboxRequest,
): { to: string | null; from: number; until: number } | { error: SandboxResponse } {
  const json = readJsonBody(request);
  if ("error" in json) return json;
  let params: CpsmsParams;
  if (json.params !== null) params = json.params;
  else {
    const names = request.segments.length === 2 ? ["to"] : ["fromDate", "toDate", "to"];
    const read = readParams(request, names);
    if ("error" in read) return read;
    params = read.params;
  }
  const from = params.fromDate === undefined ? 0 : intParam(params.fromDate);
  const until = params.toDate === undefined ? Number.MAX_SAFE_INTEGER : intParam(params.toDate);
  if (from === null || until === null) return { error: cpsmsError(400, "fromDate and toDate must be unix timestamps") };
  return { to: params.to === undefined ? null : stringParam(params.to), from, until };
}
