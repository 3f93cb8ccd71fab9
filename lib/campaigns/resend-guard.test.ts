import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, contacts, suppressions } from "@/drizzle/schema";
import { hashPhone } from "@/lib/consent/phone-hash";
import { getDb } from "@/lib/db";
import { phoneNumbers, quickCampaign, statusCounts } from "@/tests/support/campaigns";
import { insertUser } from "@/tests/support/factories";
import { resendFailedNow, resendToFailed } from "./resend-failed";
import { resendAllowList } from "./resend-guard";

describe("resend to failed", () => {
  it("creates a campaign for the failed recipients only, skipping suppressed and withdrawn guests", async () => {
    const db = getDb();
    const phones = phoneNumbers("cpsms", 6, 700_000 + Math.floor(Math.random() * 100_000));
    const campaign = await quickCampaign("cpsms", phones);
    // 0 delivered; 1, 2, 3, 4 failed in different ways; 5 rejected but suppressed since.
    await db.execute(sql`update campaign_messages set status = case phone
        when ${phones[0]!} then 'delivered' when ${phones[1]!} then 'undelivered' when ${phones[2]!} then 'rejected'
        when ${phones[3]!} then 'failed' when ${phones[4]!} then 'undelivered' else 'rejected' end
      where campaign_id = ${campaign.id}`);
    await db
      .insert(suppressions)
      .values({ phoneHash: hashPhone(phones[5]!), source: "opt_out_link" })
      .onConflictDoNothing();
    const tag = randomBytes(3).toString("hex");
    await db
      .insert(contacts)
      .values({ phone: phones[4]!, firstName: "Withdrawn", consentState: "withdrawn", optOutToken: `w-${tag}` });

    const manager = await insertUser({ role: "manager" });
    const resent = await resendToFailed(db, manager, campaign.id, resendAllowList(db, "marketing"));
    const rows = await db
      .select({ phone: campaignMessages.phone })
      .from(campaignMessages)
      .where(eq(campaignMessages.campaignId, resent.id));
    expect(rows.map((r) => r.phone).sort()).toEqual([phones[1], phones[2], phones[3]].sort());
    expect(resent).toMatchObject({ status: "queued", provider: "cpsms", name: "Friday happy hour (resend to failed)" });
    expect(await statusCounts(resent.id)).toEqual({ queued: 3 });

    // Transactional messages are not marketing: the suppression list doesn't apply.
    expect(await resendAllowList(db, "transactional")([phones[5]!])).toEqual(new Set([phones[5]]));
  });

  it("the page's resend re-checks consent for the original's category and queues the new campaign", async () => {
    const db = getDb();
    const phones = phoneNumbers("cpsms", 2, 800_000 + Math.floor(Math.random() * 100_000));
    const campaign = await quickCampaign("cpsms", phones);
    await db.execute(sql`update campaign_messages set status = 'failed' where campaign_id = ${campaign.id}`);
    await db
      .insert(suppressions)
      .values({ phoneHash: hashPhone(phones[1]!), source: "staff" })
      .onConflictDoNothing();

    const queued: string[] = [];
    const manager = await insertUser({ role: "manager" });
    const resent = await resendFailedNow(db, manager, campaign.id, async (id) => {
      queued.push(id);
    });
    expect(queued).toEqual([resent.id]);
    expect(resent.recipientCount).toBe(1); // quickCampaign is marketing: the suppressed number is left out
    await expect(resendFailedNow(db, manager, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(
      "Campaigns.errors.notFound",
    );
  });

  it("never resends a sign-up text: the guest signs up again (the hourly cap and a fresh link apply)", async () => {
    const db = getDb();
    const campaign = await quickCampaign(
      "cpsms",
      phoneNumbers("cpsms", 1, 900_000 + Math.floor(Math.random() * 90_000)),
    );
    await db.execute(sql`update campaigns set origin = 'signup_confirmation' where id = ${campaign.id}`);
    await db.execute(sql`update campaign_messages set status = 'failed' where campaign_id = ${campaign.id}`);
    const manager = await insertUser({ role: "manager" });
    await expect(resendFailedNow(db, manager, campaign.id, async () => {})).rejects.toThrow(
      "Campaigns.errors.signupText",
    );
  });
});
