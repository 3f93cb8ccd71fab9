import { createControlHandler } from "../shared/control";
import { startSandboxServer } from "../shared/http-server";
import { type CpsmsSandboxOptions, resolveCpsmsOptions } from "./options";
import { routeCpsmsRequest } from "./router";
import { CpsmsSandboxState } from "./state";
import { cpsmsError, cpsmsFaultResponse } from "./wire";

export interface CpsmsSandbox {
  /** Base URL including /v2, e.g. http://127.0.0.1:4010/v2 — pass it as the client's baseUrl. */
  url: string;
  /** http://127.0.0.1:<port> (control API under /_sandbox). */
  origin: string;
  port: number;
  state: CpsmsSandboxState;
  stop(): Promise<void>;
}

/** Starts the CPSMS.dk v2 emulator on 127.0.0.1. */
export async function startCpsmsSandbox(options: CpsmsSandboxOptions = {}): Promise<CpsmsSandbox> {
  const resolved = resolveCpsmsOptions(options);
  const state = new CpsmsSandboxState(resolved, options.now);
  const handleControl = createControlHandler(state, [
    { method: "GET", pattern: /^\/dlr$/, handle: () => ({ status: 200, json: { reports: state.dlrReports() } }) },
  ]);
  const server = await startSandboxServer({
    host: resolved.host,
    port: resolved.port,
    apiPrefix: "/v2",
    faults: state.faults,
    requestLog: state.requestLog,
    clock: state.clock,
    handleApi: async (request) => routeCpsmsRequest(state, request),
    handleControl,
    faultResponse: cpsmsFaultResponse,
    notFound: () => cpsmsError(404, "Method not found"),
  });
  return {
    url: `${server.origin}/v2`,
    origin: server.origin,
    port: server.port,
    state,
    async stop() {
      state.dispose();
      await server.stop();
    },
  };
}
