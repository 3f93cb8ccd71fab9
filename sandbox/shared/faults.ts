import { z } from "zod";

/**
 * What a fault does to a matching request.
 * - status: answer with this HTTP status (provider-style error body unless `body` is given)
 * - hang: never answer (the client's timeout fires)
 * - reset: destroy the connection without an answer
 * - malformed: answer 200 with broken JSON
 * - recipient_failure: process normally but refuse these recipients (all when omitted): CPSMS 207/400,
 *   smsapp.pk single-send error or skipped bulk items
 */
export const faultActionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("status"),
    status: z.number().int().min(200).max(599),
    body: z.unknown().optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ type: z.literal("hang") }),
  z.object({ type: z.literal("reset") }),
  z.object({ type: z.literal("malformed") }),
  z.object({
    type: z.literal("recipient_failure"),
    recipients: z.array(z.string()).optional(),
    message: z.string().optional(),
  }),
]);
export type FaultAction = z.infer<typeof faultActionSchema>;

/** A rule as posted to `/_sandbox/faults` or passed to `state.faults.add()`. */
export const faultRuleInputSchema = z.object({
  /** HTTP method to match; any when omitted. */
  method: z.string().optional(),
  /** API path below the prefix ("/send", "/sms/*"), `*` = anything; any when omitted. */
  path: z.string().optional(),
  /** How many matching requests this rule affects; default 1. "always" never runs out. */
  times: z.union([z.number().int().min(1), z.literal("always")]).optional(),
  /** Extra latency before anything else happens. */
  delayMs: z.number().int().min(0).optional(),
  /**
   * "before" (default): the request is refused before the provider acts on it.
   * "after": the provider processes it (the SMS is sent and charged), then the answer is replaced by the fault.
   */
  phase: z.enum(["before", "after"]).optional(),
  fault: faultActionSchema.optional(),
});
export type FaultRuleInput = z.input<typeof faultRuleInputSchema>;

export interface FaultRule {
  id: string;
  method: string | null;
  path: string | null;
  /** null = unlimited */
  remaining: number | null;
  delayMs: number;
  phase: "before" | "after";
  fault: FaultAction | null;
  hits: number;
}

/** Fault rules, matched in insertion order; the first matching rule is applied and used up. */
export class FaultStore {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    const parsed = faultRuleInputSchema.parse(input);
    const rule: FaultRule = {
      id: `fault-${this.nextId++}`,
      method: parsed.method?.toUpperCase() ?? null,
      path: parsed.path ?? null,
      remaining: parsed.times === "always" ? null : (parsed.times ?? 1),
      delayMs: parsed.delayMs ?? 0,
      phase: parsed.phase ?? "before",
      fault: parsed.fault ?? null,
      hits: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** Finds and uses up the first rule matching this request. `paths` = the API-relative and the full path. */
  take(method: string, paths: readonly string[]): FaultRule | null {
    const rule = this.rules.find(
      (r) =>
        (r.method === null || r.method === method.toUpperCase()) &&
        (r.path === null || paths.some((p) => globMatch(r.path as string, p))),
    );
    if (!rule) return null;
    rule.hits += 1;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return { ...rule };
  }
}

function globMatch(pattern: string, path: string): boolean {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(path);
}
