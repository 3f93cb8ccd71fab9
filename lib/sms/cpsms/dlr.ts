import type { PushedReport } from "../provider-adapter";
/**
 * CPSMS delivery reports arrive as `<dlr_url>?status=<n>&receiver=<msisdn>` (POST per the docs, GET tolerated).
 * Two code sets are in circulation: 1/2/3/4 in the 2016 doc and Kannel-style 1/2/4/8 in current clients.
 */
export type CpsmsDlrCodeSet = "current" | "2016";

export type CpsmsDeliveryState = "delivered" | "failed" | "buffered" | "abandoned" | "unknown";

export interface CpsmsDeliveryReport {
  receiver: string;
  statusCode: number;
  state: CpsmsDeliveryState;
  /** Buffered is intermediate: a later report may follow. */
  final: boolean;
}

/** The numeric code CPSMS sends for a state, per code set (used by the sandbox). */
export function cpsmsDlrCode(state: Exclude<CpsmsDeliveryState, "unknown">, codeSet: CpsmsDlrCodeSet): number {
  const table =
    codeSet === "2016"
      ? { delivered: 1, failed: 2, buffered: 3, abandoned: 4 }
      : { delivered: 1, failed: 2, buffered: 4, abandoned: 8 };
  return table[state];
}

/** Maps a DLR code to a state. Only 4 differs between the sets; the current set (4 = buffered) is the default. */
export function cpsmsDeliveryState(code: number, codeSet: CpsmsDlrCodeSet = "current"): CpsmsDeliveryState {
  switch (code) {
    case 1:
      return "delivered";
    case 2:
      return "failed";
    case 3:
      return "buffered";
    case 4:
      return codeSet === "2016" ? "abandoned" : "buffered";
    case 8:
      return "abandoned";
    default:
      return "unknown";
  }
}

/** Reads a CPSMS delivery report from the callback URL's query; null when `status` or `receiver` is missing. */
export function parseCpsmsDeliveryReport(
  input: URL | URLSearchParams | string,
  codeSet: CpsmsDlrCodeSet = "current",
): CpsmsDeliveryReport | null {
  const params =
    input instanceof URLSearchParams
      ? input
      : input instanceof URL
        ? input.searchParams
        : new URL(input, "http://x").searchParams;
  const statusText = params.get("status");
  const receiver = params.get("receiver");
  if (!statusText || !/^\d+$/.test(statusText) || !receiver) return null;
  const statusCode = Number(statusText);
  const state = cpsmsDeliveryState(statusCode, codeSet);
  return { receiver, statusCode, state, final: state !== "buffered" && state !== "unknown" };
}

const DETAIL: Record<CpsmsDeliveryState, string | null> = {
  delivered: null,
  failed: "The operator could not deliver it.",
  abandoned: "Gave up: the phone stayed unreachable.",
  buffered: "Waiting: the phone is off or out of reach; the operator keeps trying.",
  unknown: "CPSMS sent a status code we don't know.",
};

const VERDICT: Record<CpsmsDeliveryState, PushedReport["verdict"]> = {
  delivered: "delivered",
  failed: "undelivered",
  abandoned: "undelivered",
  buffered: "buffered",
  unknown: null,
};

/**
 * A CPSMS report in the engine's terms. Its fingerprint is the state, not the raw code: 3 and 4 both mean
 * buffered, and an attacker replaying a captured URL with made-up codes must not get a new timeline line for each.
 */
export function cpsmsPushedReport(report: CpsmsDeliveryReport): PushedReport {
  const verdict = VERDICT[report.state];
  return {
    phone: `+${report.receiver.replace(/^\+|^00/, "")}`,
    verdict,
    state: report.state,
    detail: DETAIL[report.state],
    errorCode: verdict === "undelivered" ? `dlr_${report.statusCode}` : null,
    key: `cpsms:${report.state}`,
  };
}
