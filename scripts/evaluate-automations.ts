/**
 * `npm run automations:evaluate`: the automations' evaluation once, now, as the job runs it every minute (to
 * catch up by hand after an outage, or to check). Safe next to running instances: each occurrence is texted
 * once whoever evaluates it. Prints what it wrote, per automation.
 */
import { evaluateAutomations } from "@/lib/automations/evaluate-automations";
import { closeDb, getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";

async function main() {
  const outcomes = await evaluateAutomations(getDb());
  const summary = outcomes.map(({ kind, texted, heldOut, campaigns }) => ({
    kind,
    texted,
    heldOut,
    campaigns: campaigns.length,
  }));
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main()
  .then(async () => {
    await stopBoss(5_000);
    await closeDb();
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
