import http from "node:http";

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
export async function postDeliveryReport(input: {
  dlrUrl: string;
  status: number;
  receiver: string;
  timeoutMs: number;
  atMs: number;
}): Promise<CpsmsDlrAttempt> {
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
  if (!LOOPBACK_HOSTS.has(host))
    return { ...base, responseStatus: null, error: `not called: ${host} is not a loopback host` };
  try {
    const responseStatus = await post(url, input.timeoutMs);
    return { ...base, responseStatus, error: null };
  } catch (err) {
    return { ...base, responseStatus: null, error: err instanceof Error ? err.name : "request failed" };
  }
}

/** Kept-alive connections, as a gateway's dispatcher keeps them to a busy customer (the limit is the caller's). */
const agent = new http.Agent({ keepAlive: true });

/** An empty-body POST over node:http (a fraction of fetch's cost per call; a send makes thousands). */
function post(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "content-length": "0" }, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })));
    req.on("error", reject);
    req.end();
  });
}
