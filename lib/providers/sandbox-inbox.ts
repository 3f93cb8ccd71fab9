import { z } from "zod";
import type { ProviderName } from "@/lib/sms/types";
import { sandboxUrls } from "./sandbox-urls";

const handsetsSchema = z.object({
  handsets: z.record(
    z.string(),
    z.array(
      z.object({
        to: z.string(),
        from: z.string().nullable().optional(),
        text: z.string(),
        receivedAtMs: z.number(),
        segments: z.number().optional(),
        encoding: z.string().optional(),
        status: z.string().nullable().optional(),
      }),
    ),
  ),
});

export type SandboxInboxMessage = {
  provider: ProviderName;
  to: string;
  from: string | null;
  text: string;
  receivedAt: Date;
  segments: number | null;
  status: string | null;
};

/**
 * What the sandbox "phones" received, newest first: the built-in emulators' handsets, read over their control
 * API so it works the same when another instance runs them. Unreachable sandboxes are reported, not fatal.
 */
export async function readSandboxInbox(
  limit = 25,
): Promise<{ messages: SandboxInboxMessage[]; unreachable: ProviderName[] }> {
  const urls = sandboxUrls();
  const unreachable: ProviderName[] = [];
  const lists = await Promise.all(
    (["cpsms", "smsapp"] as const).map(async (provider) => {
      try {
        const res = await fetch(`${new URL(urls[provider]).origin}/_sandbox/handsets`, {
          signal: AbortSignal.timeout(3000),
          cache: "no-store",
        });
        const { handsets } = handsetsSchema.parse(await res.json());
        return Object.values(handsets).flatMap((messages) =>
          messages.map((m) => ({
            provider,
            to: m.to,
            from: m.from ?? null,
            text: m.text,
            receivedAt: new Date(m.receivedAtMs),
            segments: m.segments ?? null,
            status: m.status ?? null,
          })),
        );
      } catch {
        unreachable.push(provider);
        return [];
      }
    }),
  );
  const messages = lists
    .flat()
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    .slice(0, limit);
  return { messages, unreachable };
}
