import { createControlHandler } from "../shared/control";
import { startSandboxServer } from "../shared/http-server";
import { resolveSmsappOptions, type SmsappSandboxOptions } from "./options";
import { routeOutsideApi, routeSmsappRequest } from "./router";
import { SmsappSandboxState } from "./state";
import { smsappFaultResponse } from "./wire";

export interface SmsappSandbox {
  /** Base URL including /api/v3, e.g. http://127.0.0.1:4020/api/v3 — pass it as the client's baseUrl. */
  url: string;
  /** http://127.0.0.1:<port> (control API under /_sandbox). */
  origin: string;
  port: number;
  state: SmsappSandboxState;
  stop(): Promise<void>;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Starts the smsapp.pk (Ultimate SMS 3.x) emulator on 127.0.0.1. */
export async function startSmsappSandbox(options: SmsappSandboxOptions = {}): Promise<SmsappSandbox> {
  const resolved = resolveSmsappOptions(options);
  const state = new SmsappSandboxState(resolved, options.now);
  const account = { expiresAt: resolved.expiresAt ?? new Date(state.clock.now() + YEAR_MS), userUid: state.newUid() };
  const handleControl = createControlHandler(state, [
    {
      method: "POST",
      pattern: /^\/messages\/([^/]+)\/status$/,
      handle: (match, request) => {
        const status = (request.body as { status?: unknown } | null)?.status;
        if (typeof status !== "string") return { status: 400, json: { error: 'body must be {"status": "<text>"}' } };
        const record = state.setStatus(decodeURIComponent(match[1] ?? ""), status);
        return record ? { status: 200, json: { message: record } } : { status: 404, json: { error: "unknown uid" } };
      },
    },
  ]);
  const server = await startSandboxServer({
    host: resolved.host,
    port: resolved.port,
    apiPrefix: "/api/v3",
    faults: state.faults,
    requestLog: state.requestLog,
    clock: state.clock,
    handleApi: async (request) => routeSmsappRequest(state, request, account),
    handleControl,
    faultResponse: smsappFaultResponse,
    notFound: (headers) => routeOutsideApi(headers.accept),
  });
  return {
    url: `${server.origin}/api/v3`,
    origin: server.origin,
    port: server.port,
    state,
    async stop() {
      state.dispose();
      await server.stop();
    },
  };
}
