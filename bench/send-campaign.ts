import { getDb } from "@/lib/db";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, dispatchCampaign } from "@/lib/campaigns/dispatch-campaign";
import { sandboxControl, startSandboxProcess } from "@/sandbox/testing/sandbox-process";
import { phoneNumbers, quickCampaign, sandboxSessions } from "@/tests/support/campaigns";
import { freePort } from "@/tests/support/free-port";
import { round, timeMs, withPeakRss } from "./measure";
import type { Bench, BenchResult } from "./types";

const RECIPIENTS = 10_000;
const LATENCY_MS = 100;

type Ports = { cpsms: number; smsapp: number };

/**
 * send.<provider>.10k: a 10,000-recipient campaign dispatched through the sandbox (in its own process, as a
 * real provider would be) with 100 ms added to every provider request, timed from the first claim to the last
 * recorded outcome. The ideal is the provider calls needed (recipients / batch size) / concurrent calls ×
 * latency: what remains is our own overhead.
 */
async function sendBench(provider: "cpsms" | "smsapp", ports: Ports): Promise<BenchResult> {
  const control = sandboxControl(ports[provider]);
  await control.setBalance(1_000_000);
  await control.fault({ delayMs: LATENCY_MS, times: "always" });
  const phones = phoneNumbers(provider, RECIPIENTS);
  const campaign = await quickCampaign(provider, phones, { template: "Friday: 2-for-1 cocktails 16-18. See you!" });
  const urls = { cpsms: { url: `http://127.0.0.1:${ports.cpsms}/v2` }, smsapp: { url: `http://127.0.0.1:${ports.smsapp}/api/v3` } };
  const { peakRssMb, result } = await withPeakRss(() => timeMs(() => dispatchCampaign(getDb(), campaign.id, { sessions: sandboxSessions(urls) })));
  const handsets = await control.handsets();
  let duplicates = 0;
  let missing = 0;
  for (const phone of phones) {
    const n = handsets[phone.slice(1)]?.length ?? 0;
    if (n === 0) missing++;
    duplicates += Math.max(0, n - 1);
  }
  const calls = Math.ceil(RECIPIENTS / DEFAULT_BATCH_SIZE[provider]);
  const idealMs = Math.ceil(calls / DEFAULT_CONCURRENCY[provider]) * LATENCY_MS;
  return {
    bench: `send.${provider}.10k`,
    value: result.ms,
    unit: "ms",
    ideal_ms: idealMs,
    ratio: round(result.ms / idealMs),
    outcome: result.result,
    batch_size: DEFAULT_BATCH_SIZE[provider],
    concurrency: DEFAULT_CONCURRENCY[provider],
    latency_ms: LATENCY_MS,
    duplicates,
    missing,
    peak_rss_mb: peakRssMb,
  };
}

export const sendBenches: Bench = {
  names: ["send.cpsms.10k", "send.smsapp.10k"],
  async run(report) {
    const ports = { cpsms: await freePort(), smsapp: await freePort() };
    const sandbox = startSandboxProcess(ports);
    try {
      await sandbox.ready();
      report(await sendBench("cpsms", ports));
      report(await sendBench("smsapp", ports));
    } finally {
      await sandbox.stop();
    }
  },
};
