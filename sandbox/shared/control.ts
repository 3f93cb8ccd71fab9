import { z } from "zod";
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from "./delivery";
import type { FaultRule, FaultRuleInput, FaultStore } from "./faults";
import type { HandsetCounts, HandsetMessage } from "./handsets";
import type { ControlRequest, SandboxResponse } from "./http-server";
import type { RequestLogEntry } from "./request-log";

/** What both sandboxes expose to tests, in-process (`state`) and over HTTP (`/_sandbox/*`). */
export interface SandboxStateBase {
  readonly provider: "cpsms" | "smsapp";
  readonly faults: FaultStore;
  /** Which provider behaviour this emulator was started with, e.g. {version: "3.1"}. */
  variant(): Record<string, string>;
  now(): number;
  /** Every handset's inbox, keyed by number. */
  handsets(): Record<string, HandsetMessage[]>;
  /** Counts of handsets and messages received (what polling needs, without the inboxes). */
  received(): HandsetCounts;
  /** One handset's inbox (empty when it never received anything). */
  handset(number: string): HandsetMessage[];
  /** The provider's own message records, including scheduled ones. */
  messages(): unknown[];
  requests(filter?: { method?: string; path?: string }): RequestLogEntry[];
  balance(): number;
  setBalance(amount: number): void;
  /** Forces how messages to this number end (null = back to the configured mix). */
  setOutcome(number: string, outcome: DeliveryOutcome | null): void;
  addFault(rule: FaultRuleInput): FaultRule;
  /** Moves the sandbox clock forward and runs what became due (scheduled sends, status changes, reports). */
  advance(ms: number): Promise<{ now: number; ran: number }>;
  /** Completes every pending status change / delivery report now. */
  settle(): Promise<number>;
  /** Back to the starting state: balance, no messages, groups, faults, requests; clock offset cleared. */
  reset(): void;
}

export interface ExtraRoute {
  method: string;
  pattern: RegExp;
  handle(match: RegExpExecArray, request: ControlRequest): SandboxResponse | Promise<SandboxResponse>;
}

const ok = (json: unknown): SandboxResponse => ({ status: 200, json });

/** Routes /_sandbox/* to the state. Unknown routes answer 404 with the list of routes. */
export function createControlHandler(state: SandboxStateBase, extra: ExtraRoute[] = []) {
  const routes: ExtraRoute[] = [
    { method: "GET", pattern: /^\/?$/, handle: () => ok(summary(state)) },
    { method: "GET", pattern: /^\/handsets$/, handle: () => ok({ handsets: state.handsets() }) },
    { method: "GET", pattern: /^\/received$/, handle: () => ok(state.received()) },
    {
      method: "GET",
      pattern: /^\/handsets\/([^/]+)$/,
      handle: (m) => ok({ number: m[1], messages: state.handset(decodeURIComponent(m[1] ?? "")) }),
    },
    { method: "GET", pattern: /^\/messages$/, handle: () => ok({ messages: state.messages() }) },
    {
      method: "GET",
      pattern: /^\/requests$/,
      handle: (_m, r) =>
        ok({
          requests: state.requests({
            method: r.query.get("method") ?? undefined,
            path: r.query.get("path") ?? undefined,
          }),
        }),
    },
    {
      method: "POST",
      pattern: /^\/reset$/,
      handle: () => {
        state.reset();
        return ok({ ok: true });
      },
    },
    { method: "GET", pattern: /^\/balance$/, handle: () => ok({ balance: state.balance() }) },
    {
      method: "POST",
      pattern: /^\/balance$/,
      handle: (_m, r) => {
        state.setBalance(z.object({ balance: z.number().min(0) }).parse(r.body).balance);
        return ok({ balance: state.balance() });
      },
    },
    { method: "GET", pattern: /^\/faults$/, handle: () => ok({ faults: state.faults.list() }) },
    {
      method: "POST",
      pattern: /^\/faults$/,
      handle: (_m, r) => ok({ faults: faultInputs(r.body).map((rule) => state.addFault(rule)) }),
    },
    {
      method: "DELETE",
      pattern: /^\/faults$/,
      handle: () => {
        state.faults.clear();
        return ok({ ok: true });
      },
    },
    {
      method: "DELETE",
      pattern: /^\/faults\/([^/]+)$/,
      handle: (m) => ok({ removed: state.faults.remove(m[1] ?? "") }),
    },
    {
      method: "GET",
      pattern: /^\/clock$/,
      handle: () => ok({ now: state.now(), iso: new Date(state.now()).toISOString() }),
    },
    {
      method: "POST",
      pattern: /^\/clock\/advance$/,
      handle: async (_m, r) => ok(await state.advance(advanceMs(r.body))),
    },
    { method: "POST", pattern: /^\/settle$/, handle: async () => ok({ settled: await state.settle() }) },
    {
      method: "POST",
      pattern: /^\/outcomes$/,
      handle: (_m, r) => {
        const body = z
          .object({
            number: z.string().min(1),
            outcome: z.enum(DELIVERY_OUTCOMES as [DeliveryOutcome, ...DeliveryOutcome[]]).nullable(),
          })
          .parse(r.body);
        state.setOutcome(body.number, body.outcome);
        return ok({ number: body.number, outcome: body.outcome });
      },
    },
    ...extra,
  ];

  return async function handleControl(request: ControlRequest): Promise<SandboxResponse> {
    for (const route of routes) {
      const match = route.pattern.exec(request.path);
      if (!match || route.method !== request.method) continue;
      try {
        return await route.handle(match, request);
      } catch (err) {
        const message =
          err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
        return { status: 400, json: { error: message } };
      }
    }
    return {
      status: 404,
      json: {
        error: "unknown sandbox control route",
        routes: routes.map((r) => `${r.method} /_sandbox${r.pattern.source}`),
      },
    };
  };
}

function summary(state: SandboxStateBase) {
  return {
    provider: state.provider,
    variant: state.variant(),
    now: state.now(),
    balance: state.balance(),
    handsets: state.received().handsets,
    messages: state.messages().length,
    faults: state.faults.list(),
  };
}

function faultInputs(body: unknown): FaultRuleInput[] {
  if (body && typeof body === "object" && "rules" in body && Array.isArray(body.rules))
    return body.rules as FaultRuleInput[];
  return [body as FaultRuleInput];
}

function advanceMs(body: unknown): number {
  const parsed = z
    .object({ ms: z.number().min(0).optional(), seconds: z.number().min(0).optional() })
    .parse(body ?? {});
  return (parsed.ms ?? 0) + (parsed.seconds ?? 0) * 1000;
}
