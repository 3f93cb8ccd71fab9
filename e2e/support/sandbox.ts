import { E2E } from "./config";

type Provider = "cpsms" | "smsapp";
const origin = (provider: Provider) =>
  `http://127.0.0.1:${provider === "cpsms" ? E2E.cpsmsSandboxPort : E2E.smsappSandboxPort}/_sandbox`;

export type HandsetMessage = { to: string; from: string | null; text: string; encoding: string; status: string };

/** What one sandbox "phone" received, straight from the server's emulator (its control API). */
export async function handset(provider: Provider, number: string): Promise<HandsetMessage[]> {
  const res = await fetch(`${origin(provider)}/handsets/${encodeURIComponent(number)}`);
  return ((await res.json()) as { messages: HandsetMessage[] }).messages;
}

/** Requests the emulator received on a path (e.g. "/send"), to prove that nothing was sent. */
export async function requestCount(provider: Provider, path: string): Promise<number> {
  const res = await fetch(`${origin(provider)}/requests?path=${encodeURIComponent(path)}`);
  return ((await res.json()) as { requests: unknown[] }).requests.length;
}
