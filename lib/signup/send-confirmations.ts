import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { signups } from "@/drizzle/schema";
import { insertCampaign } from "@/lib/campaigns/create-campaign";
import { enqueueDispatch } from "@/lib/campaigns/enqueue-dispatch";
import { routeProvider } from "@/lib/campaigns/route-provider";
import type { Database } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import type { ProviderName } from "@/lib/sms/providers";
import { confirmationText } from "./confirmation-text";
import { confirmUrl } from "./join-links";
import { SIGNUPS_PER_ADDRESS_PER_HOUR, SIGNUPS_PER_NUMBER_PER_DAY } from "./limits";
import { getSignupSettings } from "./signup-settings";
import { hashSignupToken, newSignupToken } from "./signup-token";
import { systemCampaignName } from "./system-campaign-name";
import { countRefusal, takeTextBudget } from "./text-budget";

/** Sign-ups texted per transaction: a burst is worked through in a few short transactions, not one long one. */
const BATCH = 100;

type Received = typeof signups.$inferSelect;
type Text = { row: Received; token: string; body: string; hours: number; provider: ProviderName };

/**
 * The batch's texts by provider and language (and link lifetime); a number's second text in one batch (the guest
 * pressed twice) goes in a campaign of its own, since a campaign texts each number once.
 */
function groupTexts(texts: Text[]): Text[][] {
  const groups: Text[][] = [];
  for (const text of texts) {
    const fits = (g: Text[]) =>
      g[0]!.provider === text.provider &&
      g[0]!.row.language === text.row.language &&
      g[0]!.hours === text.hours &&
      !g.some((t) => t.row.phone === text.row.phone);
    const group = groups.find(fits);
    if (group) group.push(text);
    else groups.push([text]);
  }
  return groups;
}
type Verdict = "texted" | "limited" | "capped" | "expired";

/** The personal data a refused or expired sign-up doesn't keep (GDPR minimisation; the counts stay). */
const ERASED = { phone: null, firstName: null, birthdayMonth: null, birthdayDay: null } as const;

/**
 * The job behind the sign-up page: every sign-up it took in ("received") gets its confirmation text queued
 * (a transactional campaign per batch, each guest's text with its own link, dispatched like any other), or is
 * refused: over a per-address or per-number limit that a burst of parallel posts slipped past the page's own
 * check ("limited"), over this hour's cap on texts ("capped"), or past its time ("expired"). One run at a time
 * (its queue is "stately", and a lock besides), each text queued with its sign-up's new state in one
 * transaction: a retried or overlapping run never texts a sign-up twice.
 */
export async function sendSignupConfirmations(db: Database, now = () => new Date()) {
  const counts: Record<Verdict, number> = { texted: 0, limited: 0, capped: 0, expired: 0 };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      // One run at a time, whatever calls it: the limits below count what earlier runs committed.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('signup-confirmations'))`);
      const rows = await tx
        .select()
        .from(signups)
        .where(eq(signups.status, "received"))
        .orderBy(signups.createdAt)
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return null;
      // One after the other: a transaction is one connection.
      const settings = await getSignupSettings(tx as unknown as Database);
      const restaurant = await getRestaurantSettings(tx as unknown as Database);
      const name = await systemCampaignName("signup_confirmation", restaurant.defaultLocale);
      const texts: Text[] = [];
      for (const row of rows) {
        const verdict = await decide(tx as unknown as Database, row, texts, settings, now());
        counts[verdict.verdict]++;
        if (verdict.verdict !== "texted") {
          await tx
            .update(signups)
            .set({ status: verdict.verdict, ...ERASED })
            .where(eq(signups.id, row.id));
          if (verdict.verdict === "capped") await countRefusal(tx, verdict.scope, row.createdAt);
          continue;
        }
        const token = newSignupToken();
        const hours = Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 3600_000);
        const body = await confirmationText(row.language, {
          restaurant: restaurant.name,
          link: confirmUrl(token),
          hours,
        });
        texts.push({ row, token, body, hours, provider: routeProvider(row.phone!, restaurant.routes) });
      }
      // One campaign per provider and language for the whole batch (each guest's text has its own link): a
      // room signing up at once is one send, not a hundred.
      const queued: string[] = [];
      for (const group of groupTexts(texts)) {
        const [first] = group;
        const campaign = await insertCampaign(tx as unknown as Database, null, {
          name,
          provider: first!.provider,
          sender: null,
          // What the campaign's page shows as its text: the wording, without any one guest's link.
          template: await confirmationText(first!.row.language, {
            restaurant: restaurant.name,
            link: confirmUrl("…"),
            hours: first!.hours,
          }),
          language: first!.row.language,
          category: "transactional",
          origin: "signup_confirmation",
          optOutFooter: false,
          recipients: group.map((t) => ({ phone: t.row.phone!, contactId: null, body: t.body })),
          scheduledAt: null,
          expireAfterMinutes: null,
          approved: true,
        });
        for (const t of group) {
          await tx
            .update(signups)
            .set({ status: "pending", tokenHash: hashSignupToken(t.token), confirmationCampaignId: campaign.id })
            .where(eq(signups.id, t.row.id));
        }
        queued.push(campaign.id);
      }
      return queued;
    });
    if (batch === null) return counts;
    // After the commit: a dispatcher must find the campaign. One lost here is started by the minute's sweep.
    for (const campaignId of batch) await enqueueDispatch(campaignId);
  }
}

type Decision = { verdict: "texted" | "limited" | "expired" } | { verdict: "capped"; scope: string };

/** The limits once more, against the sign-ups already worked through, then this hour's budget (taken last). */
async function decide(
  tx: Database,
  row: Received,
  textedInBatch: Text[],
  caps: Parameters<typeof takeTextBudget>[2],
  now: Date,
): Promise<Decision> {
  if (row.expiresAt <= now || !row.phone) return { verdict: "expired" };
  const at = row.createdAt.getTime();
  // This batch's texts are not written back yet: count them here.
  const earlier = (same: (t: Text) => boolean, windowMs: number) =>
    textedInBatch.filter((t) => same(t) && t.row.createdAt.getTime() > at - windowMs).length;
  const batchByAddress = earlier((t) => t.row.clientKey === row.clientKey, 3600_000);
  const batchByNumber = earlier((t) => t.row.phoneHash === row.phoneHash, 24 * 3600_000);
  const [prior] = await tx
    .select({
      byAddress: sql<number>`count(*) filter (where ${signups.clientKey} = ${row.clientKey} and ${signups.createdAt} > ${new Date(at - 3600_000)})::int`,
      byNumber: sql<number>`count(*) filter (where ${signups.phoneHash} = ${row.phoneHash})::int`,
    })
    .from(signups)
    .where(
      and(
        ne(signups.id, row.id),
        inArray(signups.status, ["pending", "confirmed", "expired", "capped"]),
        sql`((${signups.clientKey} = ${row.clientKey} and ${signups.createdAt} > ${new Date(at - 3600_000)})
          or (${signups.phoneHash} = ${row.phoneHash} and ${signups.createdAt} > ${new Date(at - 24 * 3600_000)}))`,
      ),
    );
  if (
    (prior?.byAddress ?? 0) + batchByAddress >= SIGNUPS_PER_ADDRESS_PER_HOUR ||
    (prior?.byNumber ?? 0) + batchByNumber >= SIGNUPS_PER_NUMBER_PER_DAY
  ) {
    return { verdict: "limited" };
  }
  // A savepoint: a refusal by the second scope must not keep the first scope's increment.
  try {
    return await tx.transaction(async (sp) => {
      const budget = await takeTextBudget(sp, row.callingCode, caps, row.createdAt);
      if (!budget.ok) throw new Refused(budget.scope);
      return { verdict: "texted" as const };
    });
  } catch (err) {
    if (err instanceof Refused) return { verdict: "capped", scope: err.scope };
    throw err;
  }
}

class Refused extends Error {
  constructor(readonly scope: string) {
    super("sign-up text cap reached");
  }
}
