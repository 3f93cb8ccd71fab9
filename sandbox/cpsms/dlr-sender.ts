/** One delivery-report callback the sandbox made (or refused to make). */
export interface CpsmsDlrAttempt {
  at: string;
  url: string;
  status: number;
  receiver: string;
  /** HTTP status the receiver answered; null when the call failed. */
  responseStatus: number | null;
  error: string | null;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * POSTs a report the way CPSMS documents it: `?status=<n>&receiver=<msisdn>` appended to the caller's URL
 * (joined with "&" when it already has a query), empty body. Only loopback hosts are called: the sandbox
 * must never reach the network.
 */
export async function postDeliveryReport(input: { dlrUrl: string; status: number; receiver: string; timeoutMs: number; atMs: number }): Promise<CpsmsDlrAttempt> {
  const [withoutFragment = ""] = input.dlrUrl.split("#");
  const separator = withoutFragment.includes("?") ? (/[?&]$/.test(withoutFragment) ? "" : "&") : "?";
  const url = `${withoutFragment}${separator}status=${input.status}&receiver=${encodeURIComponent(input.receiver)}`;
  const base = { at: new Date(input.atMs).toISOString(), url, status: input.status, receiver: input.receiver };
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return { ...base, responseStatus: null, error: "invalid dlr_url" };
  }
  if (!LOOPBACK_HOSTS.has(host)) return { ...base, responseStatus: null, error: `not called: ${host} is not a loopback host` };
  try {
    const response = await fetch(url, { method: "POST", signal: AbortSignal.timeout(input.timeoutMs) });
    await response.arrayBuffer();
    return { ...base, responseStatus: response.status, error: null };
  } catch (err) {
    return { ...base, responseStatus: null, error: err instanceof Error ? err.name : "request failed" };
  }
}
