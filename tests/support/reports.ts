// Shared by the report tests: tracked links, clicks, offers and codes written directly, as the links and offers
// features will write them (drizzle/schema/tracked-links.ts, offers.ts).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { linkClicks, offerCodes, offers, trackedLinks } from "@/drizzle/schema";
import { getDb } from "@/lib/db";

const code = (n: number) =>
  randomBytes(n)
    .toString("hex")
    .toUpperCase()
    .slice(0, n * 2);

/** Sets the stored status of a campaign's messages to each phone's, with a provider's cost for those that went out. */
export async function setStatuses(campaignId: string, statuses: Record<string, string>, cost = 0.5) {
  for (const [phone, status] of Object.entries(statuses))
    await getDb().execute(sql`
      update campaign_messages set status = ${status},
        cost = case when ${status} in ('accepted', 'buffered', 'delivered', 'undelivered', 'unknown') then ${cost}::numeric end,
        sent_at = now(), delivered_at = case when ${status} = 'delivered' then now() end
      where campaign_id = ${campaignId} and phone = ${phone}`);
}

/** A tracked link for one recipient, and its clicks (`bot: true` for a previewer). */
export async function linkWithClicks(
  campaignId: string,
  phone: string,
  clicks: { at?: Date; bot?: boolean }[] = [],
): Promise<string> {
  const c = code(5);
  await getDb()
    .insert(trackedLinks)
    .values({
      code: c,
      campaignId,
      phone,
      url: "https://example.com/menu",
      expiresAt: new Date(Date.now() + 86400_000),
    });
  for (const k of clicks)
    await getDb()
      .insert(linkClicks)
      .values({ code: c, at: k.at ?? new Date(), bot: k.bot ?? false, botReason: k.bot ? "user_agent" : null });
  return c;
}

/** A promotion's offer. */
export async function offer(title = "2 for 1 pizza") {
  const [row] = await getDb()
    .insert(offers)
    .values({ title, validUntil: new Date(Date.now() + 7 * 86400_000) })
    .returning();
  return row!;
}

/** An offer code for one recipient, redeemed (with a bill or not) when asked. */
export async function offerCode(
  offerId: string,
  campaignId: string,
  phone: string,
  redeemed?: { at?: Date; billMinor?: number; currency?: string },
): Promise<string> {
  const c = code(4);
  await getDb()
    .insert(offerCodes)
    .values({
      code: c,
      offerId,
      campaignId,
      phone,
      validFrom: new Date(Date.now() - 86400_000),
      validUntil: new Date(Date.now() + 7 * 86400_000),
      redeemedAt: redeemed ? (redeemed.at ?? new Date()) : null,
      billMinor: redeemed?.billMinor ?? null,
      currency: redeemed?.billMinor !== undefined ? (redeemed.currency ?? "DKK") : null,
    });
  return c;
}
