import { dispatchCampaign } from "@/lib/campaigns/dispatch-campaign";
import { getDb } from "@/lib/db";
import { sandboxControl, startSandboxProcess } from "@/sandbox/testing/sandbox-process";
import { phoneNumbers, quickCampaign, sandboxSessions } from "@/tests/support/campaigns";
import { freePort } from "@/tests/support/free-port";
import { collectGarbage, round, timeMs, withPeakRss } from "./measure";
import type { Bench, BenchResult } from "./types";

const RECIPIENTS = 10_000;
const LATENCY_MS = 100;

type Ports = { cpsms: number; smsapp: number };

/**
 * send.<provider>.10k and .100k: a 10,000- (100,000-) recipient campaign dispatched through the sandbox (in its own process, as a
 * real provider would be) with 100 ms added to every provider request, timed from the first claim to the last
 * recorded outcome. The ideal is the provider calls needed (recipients / batch size) / concurrent calls ×
 * latency: what remains is our own overhead.
 */
async function sendBench(
  provider: "cpsms" | "smsapp",
  ports: Ports,
  variant: { name: string; recipients: number; sender: string | null; offset: number } = {
    name: `send.${provider}.10k`,
    recipients: RECIPIENTS,
    sender: null,
    offset: 0,
  },
): Promise<BenchResult> {
  const control = sandboxControl(ports[provider]);
  await control.setBalance(1_000_000);
  await control.fault({ delayMs: LATENCY_MS, times: "always" });
  const phones = phoneNumbers(provider, variant.recipients, variant.offset);
  const campaign = await quickCampaign(provider, phones, {
    template: "Friday: 2-for-1 cocktails 16-18. See you!",
    sender: variant.sender,
  });
  const urls = {
    cpsms: { url: `http://127.0.0.1:${ports.cpsms}/v2` },
    smsapp: { url: `http://127.0.0.1:${ports.smsapp}/api/v3` },
  };
  const sessions = sandboxSessions(urls);
  // The adapter's batching for this sender (smsapp.pk with a chosen sender: one call per message).
  const { batchSize, concurrency } = (await sessions(provider)).batching(variant.sender);
  // The campaign's creation (100,000 rows built here) leaves garbage: collected first, so the growth is the send's.
  collectGarbage();
  const rssBeforeMb = Math.round(process.memoryUsage.rss() / 1024 / 1024);
  const heapBefore = process.memoryUsage().heapUsed;
  const { peakRssMb, result } = await withPeakRss(() =>
    timeMs(() => dispatchCampaign(getDb(), campaign.id, { sessions })),
  );
  // What the send kept: the heap after a full collection, against before it. Peak RSS also counts garbage not
  // yet collected (V8 grows the heap lazily), so it rises with a longer send without anything being retained.
  collectGarbage();
  const heapRetainedMb = round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
  const handsets = await control.handsets();
  let duplicates = 0;
  let missing = 0;
  for (const phone of phones) {
    const n = handsets[phone.slice(1)]?.length ?? 0;
    if (n === 0) missing++;
    duplicates += Math.max(0, n - 1);
  }
  // smsapp.pk with a chosen sender: one call per message (bulk calls can't carry a sender).
  const perCall = provider === "smsapp" && variant.sender !== null ? 1 : batchSize;
  const calls = Math.ceil(variant.recipients / perCall);
  const idealMs = Math.ceil(calls / concurrency) * LATENCY_MS;
  return {
    bench: variant.name,
    value: result.ms,
    unit: "ms",
    ideal_ms: idealMs,
    ratio: round(result.ms / idealMs),
    outcome: result.result,
    provider_calls: calls,
    batch_size: batchSize,
    concurrency,
    latency_ms: LATENCY_MS,
    duplicates,
    missing,
    peak_rss_mb: peakRssMb,
    rss_growth_mb: peakRssMb - rssBeforeMb,
    heap_retained_mb: heapRetainedMb,
  };
}

export const sendBenches: Bench = {
  names: ["send.cpsms.10k", "send.smsapp.10k", "send.smsapp.sender.2k", "send.cpsms.100k", "send.smsapp.100k"],
  async run(report, selected) {
    const ports = { cpsms: await freePort(), smsapp: await freePort() };
    const sandbox = startSandboxProcess(ports);
    try {
      await sandbox.ready();
      const wanted = (name: string) => selected.length === 0 || selected.some((p) => name.startsWith(p));
      if (wanted("send.cpsms.10k")) report(await sendBench("cpsms", ports));
      if (wanted("send.smsapp.10k")) report(await sendBench("smsapp", ports));
      // What carrying a chosen sender through smsapp.pk costs: one call per guest instead of one per 50.
      if (wanted("send.smsapp.sender.2k"))
        report(
          await sendBench("smsapp", ports, {
            name: "send.smsapp.sender.2k",
            recipients: 2000,
            sender: "CafeRose",
            offset: 50_000,
          }),
        );
      // Ten times the audience: the same pace, and memory that doesn't grow with it.
      for (const provider of ["cpsms", "smsapp"] as const) {
        const name = `send.${provider}.100k`;
        if (wanted(name))
          report(await sendBench(provider, ports, { name, recipients: 100_000, sender: null, offset: 100_000 }));
      }
    } finally {
      await sandbox.stop();
    }
  },
};
