import { eq } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import { createCampaign, type NewCampaign } from "@/lib/campaigns/create-campaign";
import type { ProviderSessionFactory } from "@/lib/campaigns/provider-session";
import { getDb } from "@/lib/db";
import { cpsmsSession } from "@/lib/sms/cpsms/adapter";
import { createCpsmsClient } from "@/lib/sms/cpsms/client";
import { smsappSession } from "@/lib/sms/smsapp/adapter";
import { createSmsappClient } from "@/lib/sms/smsapp/client";
import { insertUser } from "@/tests/support/factories";

// Shared by the campaign tests and benches: sessions on in-process sandboxes, and quick campaigns.

/** Sessions on sandboxes at these addresses (in-process ones, or `npm run sandbox` in its own process). */
export function sandboxSessions(
  sandboxes: { cpsms: { url: string }; smsapp: { url: string } },
  smsappSender = "CafeRose",
): ProviderSessionFactory {
  return async (provider) =>
    provider === "cpsms"
      ? cpsmsSession(
          createCpsmsClient({ baseUrl: sandboxes.cpsms.url, username: "sandbox", apiKey: "sandbox-cpsms-api-key" }),
          "sandbox",
        )
      : smsappSession(
          createSmsappClient({
            baseUrl: sandboxes.smsapp.url,
            apiToken: "sandbox-smsapp-token",
            defaultSenderId: smsappSender,
          }),
          "sandbox",
        );
}

/** n distinct valid mobile numbers: Danish (+45 2xxxxxxx) or Pakistani (+92 300xxxxxxx). */
export function phoneNumbers(provider: "cpsms" | "smsapp", n: number, offset = 0): string[] {
  return Array.from({ length: n }, (_, i) =>
    provider === "cpsms"
      ? `+452${String(1_000_000 + offset + i).padStart(7, "0")}`
      : `+92300${String(1_000_000 + offset + i).padStart(7, "0")}`,
  );
}

export async function quickCampaign(
  provider: "cpsms" | "smsapp",
  phones: string[],
  overrides: Partial<NewCampaign> = {},
) {
  const owner = await insertUser({ role: "owner" });
  return createCampaign(getDb(), owner, {
    name: "Friday happy hour",
    provider,
    sender: null,
    template: "Happy hour 16-18 today!",
    category: "marketing",
    optOutFooter: false,
    recipients: phones.map((phone) => ({
      phone,
      contactId: null,
      body: overrides.template ?? "Happy hour 16-18 today!",
    })),
    scheduledAt: null,
    expireAfterMinutes: null,
    approved: true,
    ...overrides,
  });
}

export async function statusCounts(campaignId: string): Promise<Record<string, number>> {
  const rows = await getDb()
    .select({ status: campaignMessages.status })
    .from(campaignMessages)
    .where(eq(campaignMessages.campaignId, campaignId));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
