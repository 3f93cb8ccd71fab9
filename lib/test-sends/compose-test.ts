import "server-only";
import { planCampaigns } from "@/lib/campaigns/compose/plan-campaigns";
import type { Database } from "@/lib/db";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { resolveProvider, resolveProviders } from "@/lib/providers/resolve-provider";
import { sendTestSms, type TestSmsResult } from "@/lib/providers/test-sms";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import type { ProviderName } from "@/lib/sms/types";
import type { ComposeTestInput } from "@/lib/validation/compose";
import type { TestRecipientChoice } from "@/lib/validation/test-sends";

/**
 * Compose's "Send test": the composed message as a guest named "Test" gets it (opt-out link as an example),
 * under the compose sender (or the provider's default), through the provider the test phone routes to. Text and
 * sender pass exactly the checks a real send makes (planCampaigns: merge fields, opt-out footer on promotions,
 * length, sender rules per provider), so a test can't carry what a campaign couldn't.
 */
export async function sendComposeTest(
  db: Database,
  actor: { id: string },
  input: ComposeTestInput,
): Promise<TestSmsResult> {
  return sendTestSms(db, actor, input.recipient, "compose", async (recipient) => {
    const settings = await getRestaurantSettings(db);
    const providers = await resolveProviders(db);
    const testGuest = {
      phone: recipient.phone,
      contactId: null,
      firstName: "Test",
      lastName: "Guest",
      optOutToken: "test",
      language: null, // a test shows the main version
    };
    const [plan] = planCampaigns([testGuest], input, {
      restaurantName: settings.name,
      defaultSenders: { cpsms: providers.cpsms.defaultSender, smsapp: providers.smsapp.defaultSender },
      routes: settings.routes,
    });
    return { provider: plan!.provider, text: plan!.recipients[0]!.body, sender: plan!.sender };
  });
}

/** The fixed text of a provider connection test, in the sender's language: nothing to edit, so nothing to abuse. */
export function connectionTestText(restaurantName: string, provider: ProviderName): Promise<string> {
  return localizeMessage("Providers.testSends.texts.connection", {
    restaurant: restaurantName,
    provider: PROVIDER_LABELS[provider],
  });
}

/** Settings > Providers "Send test SMS": the fixed connection text from the default sender to an allowed phone. */
export async function sendConnectionTest(
  db: Database,
  actor: { id: string },
  input: { provider: ProviderName; recipient: TestRecipientChoice },
): Promise<TestSmsResult> {
  return sendTestSms(db, actor, input.recipient, "connection", async () => {
    const [settings, resolved] = await Promise.all([getRestaurantSettings(db), resolveProvider(db, input.provider)]);
    return {
      provider: input.provider,
      text: await connectionTestText(settings.name, input.provider),
      sender: resolved.defaultSender,
    };
  });
}
