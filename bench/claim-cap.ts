import { sql } from "drizzle-orm";
import { claimBatch } from "@/lib/campaigns/claim-batch";
import { getDb } from "@/lib/db";
import type { FrequencyCap } from "@/lib/marketing/frequency-cap";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { round, timeMs } from "./measure";
import type { Bench, BenchResult } from "./types";

const RECIPIENTS = 10_000;
const BATCH = 100; // CPSMS's batch: the claim the send bench makes most often
const RUNS = 5;
const CAP: FrequencyCap = { messages: 1, days: 3, timeZone: "Europe/Copenhagen" };

/**
 * claim.capped.10k and claim.uncapped.10k: the database side of sending, without a provider. Claims a 10,000-guest
 * promotion in batches of 100 (the dispatcher's claim: suppression, and with the frequency cap its per-number
 * locks and look-ups), one in ten guests having had a promotion yesterday (so the cap skips them). The two
 * alternate in one process, so a busy machine weighs on both alike; the value is the median of 5 runs, in ms.
 */
async function claimAll(campaignId: string, cap: FrequencyCap | null): Promise<number> {
  let claimed = 0;
  for (;;) {
    const batch = await claimBatch(getDb(), campaignId, BATCH, undefined, { marketing: true, cap });
    if (batch.length === 0) return claimed;
    claimed += batch.length;
  }
}

async function promotionWithHistory(offset: number): Promise<string> {
  const phones = phoneNumbers("cpsms", RECIPIENTS, offset);
  // Yesterday's promotion to every tenth guest: sent, counted by the cap.
  const earlier = await quickCampaign(
    "cpsms",
    phones.filter((_, i) => i % 10 === 0),
    { template: "Yesterday's offer" },
  );
  await getDb().execute(sql`update campaign_messages set status = 'delivered',
    sent_at = now() - interval '1 day', promotion_at = now() - interval '1 day' where campaign_id = ${earlier.id}`);
  const campaign = await quickCampaign("cpsms", phones, { template: "Friday: 2-for-1 cocktails 16-18. See you!" });
  return campaign.id;
}

export const claimCapBench: Bench = {
  names: ["claim.capped.10k", "claim.uncapped.10k"],
  async run(report) {
    const samples: Record<"capped" | "uncapped", number[]> = { capped: [], uncapped: [] };
    const claimed: Record<"capped" | "uncapped", number> = { capped: 0, uncapped: 0 };
    for (let run = 0; run < RUNS; run++) {
      for (const variant of ["capped", "uncapped"] as const) {
        const id = await promotionWithHistory(300_000 + (run * 2 + (variant === "capped" ? 0 : 1)) * RECIPIENTS);
        const { ms, result } = await timeMs(() => claimAll(id, variant === "capped" ? CAP : null));
        samples[variant].push(ms);
        claimed[variant] = result;
      }
    }
    for (const variant of ["capped", "uncapped"] as const) {
      const sorted = [...samples[variant]].sort((a, b) => a - b);
      const result: BenchResult = {
        bench: `claim.${variant}.10k`,
        value: sorted[Math.floor(sorted.length / 2)] ?? 0,
        unit: "ms",
        runs: samples[variant],
        claimed: claimed[variant],
        per_batch_ms: round((sorted[Math.floor(sorted.length / 2)] ?? 0) / Math.ceil(RECIPIENTS / BATCH)),
      };
      report(result);
    }
  },
};
