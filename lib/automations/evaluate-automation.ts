import "server-only";
import { sql } from "drizzle-orm";
import { type Automation, automations, type Campaign } from "@/drizzle/schema";
import { type CampaignRecipient, insertCampaign } from "@/lib/campaigns/create-campaign";
import { earliestAllowedInZones, quietHoursConflict } from "@/lib/campaigns/quiet-hours";
import { timeZonesOfNumber } from "@/lib/campaigns/recipient-time-zones";
import { routeProvider } from "@/lib/campaigns/route-provider";
import { optOutUrl } from "@/lib/consent/opt-out-link";
import type { Database } from "@/lib/db";
import { GUEST_LOCALES, guestLocaleOf, isStaffLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { linkShortening, shortenForRecipient } from "@/lib/links/link-codes";
import { logger } from "@/lib/logger";
import { renderMessage } from "@/lib/messages/render-message";
import { currentAutomationOffer } from "@/lib/offers/automation-offer";
import { generateOfferCode } from "@/lib/offers/offer-code";
import { offerMergeValues } from "@/lib/offers/offer-link";
import { automationCodeValidity } from "@/lib/offers/offer-validity";
import type { RestaurantProfile } from "@/lib/settings/restaurant-settings";
import type { ProviderName } from "@/lib/sms/types";
import { MAX_MESSAGE_LENGTH } from "@/lib/validation/providers";
import { automationSmsText, pickText } from "./automation-text";
import { candidatesSql, holdoutSql } from "./occurrence-candidates";

/**
 * How far back an evaluation looks for occurrences it has not handled: a day. The job runs every minute, so this
 * only matters after an outage; a birthday greeting or thank-you older than a day is dropped, not sent late.
 */
export const CATCH_UP_MS = 24 * 3600_000;

export type EvaluationOutcome = { kind: Automation["kind"]; texted: number; heldOut: number; campaigns: Campaign[] };

type NewOccurrence = {
  id: number;
  holdout: boolean;
  contact_id: string;
  phone: string;
  first_name: string;
  last_name: string;
  language: string | null;
  opt_out_token: string;
};

/**
 * One automation's evaluation at `now` (the app's clock), inside the caller's transaction: every occurrence due
 * in the last day that has no row yet is written (one INSERT ... SELECT ... ON CONFLICT DO NOTHING), for guests
 * with consent and not suppressed; the holdout's are only recorded, the others are written as campaigns (one
 * per provider and send time; see README "Automations" for why) in the same transaction, so an occurrence is
 * texted exactly when its row commits. An advisory lock makes a second evaluator wait and then find nothing
 * left; the unique index is the guarantee either way. `offsetMs` (the test clock) turns the app's send times
 * back into real ones for the dispatcher.
 */
export async function evaluateAutomation(
  tx: Database,
  automation: Automation,
  restaurant: RestaurantProfile,
  now: Date,
  options: { offsetMs?: number; scope?: readonly string[] } = {},
): Promise<EvaluationOutcome> {
  const { kind } = automation;
  const outcome: EvaluationOutcome = { kind, texted: 0, heldOut: 0, campaigns: [] };
  if (!pickText(automation.message, guestLocaleOf(restaurant.defaultLocale) ?? "en", restaurant.defaultLocale)) {
    return outcome;
  }
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`automation:${kind}`}))`);
  const window = { from: new Date(now.getTime() - CATCH_UP_MS), to: now };
  const result = await tx.execute<NewOccurrence>(sql`
    with cand as (${candidatesSql(automation, window, restaurant.timeZone, options.scope)}),
    ins as (
      insert into automation_occurrences (kind, contact_id, occurrence_key, due_at, holdout)
      select ${kind}, cand.contact_id, cand.occurrence_key, cand.due_at,
        ${holdoutSql(sql`${kind}::text`, sql`cand.contact_id`, sql`cand.occurrence_key`, automation.holdoutPercent)}
      from cand join contacts c on c.id = cand.contact_id
      where c.consent_state = 'granted'
        and not exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(c.phone, 'UTF8')), 'hex'))
      order by cand.contact_id, cand.occurrence_key
      on conflict do nothing
      returning id, contact_id, holdout
    )
    select ins.id, ins.holdout, c.id as contact_id, c.phone, c.first_name, c.last_name, c.language, c.opt_out_token
    from ins join contacts c on c.id = ins.contact_id`);
  const texted = result.rows.filter((r) => !r.holdout);
  outcome.heldOut = result.rows.length - texted.length;
  const offer = texted.length > 0 ? await currentAutomationOffer(tx, automation, restaurant.defaultLocale) : null;
  for (const group of groupBySend(texted, automation, restaurant, now, options.offsetMs ?? 0, !!offer).values()) {
    outcome.texted += group.recipients.length;
    const campaign = await insertCampaign(tx, null, {
      name: await automationCampaignName(automation, restaurant.defaultLocale),
      provider: group.provider,
      sender: null,
      ...mainVersion(automation, restaurant.defaultLocale),
      category: "marketing",
      origin: "automation",
      optOutFooter: true,
      trackLinks: true,
      recipients: group.recipients,
      scheduledAt: group.scheduledAt,
      expireAfterMinutes: null,
      approved: true,
      offer: offer && {
        id: offer.id,
        // Real time (the test clock moves the app's `now` only): the till checks codes against the database's clock.
        ...automationCodeValidity(
          group.scheduledAt ?? new Date(now.getTime() - (options.offsetMs ?? 0)),
          offer.validDays,
          restaurant.timeZone,
        ),
      },
    });
    await tx.execute(sql`
      update automation_occurrences set campaign_id = ${campaign.id}
      where id = any(${sql.param(group.occurrenceIds)}::bigint[])`);
    outcome.campaigns.push(campaign);
  }
  await tx.update(automations).set({ lastRunAt: now }).where(sql`${automations.kind} = ${kind}`);
  return outcome;
}

type SendGroup = {
  provider: ProviderName;
  scheduledAt: Date | null;
  recipients: CampaignRecipient[];
  occurrenceIds: number[];
};

/** Each guest's rendered text, grouped into one campaign per provider and send time (quiet hours in their zone). */
function groupBySend(
  rows: readonly NewOccurrence[],
  automation: Automation,
  restaurant: RestaurantProfile,
  now: Date,
  offsetMs: number,
  hasOffer: boolean,
): Map<string, SendGroup> {
  const groups = new Map<string, SendGroup>();
  // Automations always shorten and track their links (each guest's own; counted at that length in the editor).
  const shortening = linkShortening();
  for (const r of rows) {
    const language = guestLocaleOf(r.language) ?? "en";
    const picked = pickText(automation.message, language, restaurant.defaultLocale);
    if (!picked) continue;
    const offerLine = automation.offer[picked.language]?.trim();
    const own = shortenForRecipient(automationSmsText(picked.text, offerLine), shortening);
    // A code for each guest whose language has the offer (a language without one gets the text alone).
    const code = hasOffer && offerLine ? generateOfferCode() : undefined;
    const body = renderMessage(
      own.template,
      {
        ...offerMergeValues(code, own.template),
        firstName: r.first_name,
        lastName: r.last_name,
        restaurant: restaurant.name,
        optOutUrl: optOutUrl(r.opt_out_token),
      },
      { optOutFooter: true, footerLanguage: picked.language },
    );
    // A text the engine would refuse (names filled in made it too long) would fail the whole run every minute:
    // that guest's occasion stays recorded without a campaign (not texted, not counted as texted).
    if (body.length > MAX_MESSAGE_LENGTH) {
      logger.warn({ kind: automation.kind, occurrence: r.id }, "automation text too long for one guest; not sent");
      continue;
    }
    const provider = routeProvider(r.phone, restaurant.routes);
    const opens = quietUntil(r.phone, restaurant, now);
    const scheduledAt = opens ? new Date(opens.getTime() - offsetMs) : null;
    const key = `${provider}|${scheduledAt?.toISOString() ?? "now"}`;
    const group = groups.get(key) ?? { provider, scheduledAt, recipients: [], occurrenceIds: [] };
    group.recipients.push({
      phone: r.phone,
      contactId: r.contact_id,
      body,
      ...(code ? { offerCode: code } : {}),
      ...(own.links.length ? { links: own.links } : {}),
    });
    group.occurrenceIds.push(r.id);
    groups.set(key, group);
  }
  return groups;
}

/** null outside quiet hours; else when they end where the guest is (the restaurant's zone if unknown). */
function quietUntil(phone: string, restaurant: RestaurantProfile, now: Date): Date | null {
  const hours = { start: restaurant.quietHoursStart, end: restaurant.quietHoursEnd };
  if (hours.start === hours.end) return null;
  const check = earliestAllowedInZones(now, timeZonesOfNumber(phone) ?? [restaurant.timeZone], hours);
  if (check.ok) return null;
  return check.opens ?? quietHoursConflict(now, restaurant.timeZone, hours.start, hours.end);
}

/** The campaign's main text (the restaurant's language) and the other languages as translations. */
function mainVersion(automation: Automation, defaultLocale: string) {
  const fallback = guestLocaleOf(defaultLocale) ?? "en";
  const main = pickText(automation.message, fallback, defaultLocale)!;
  const translations = GUEST_LOCALES.filter((l) => l !== main.language && automation.message[l]?.trim()).map((l) => ({
    language: l,
    message: automationSmsText(automation.message[l]!, automation.offer[l]),
  }));
  return {
    template: automationSmsText(main.text, automation.offer[main.language]),
    language: main.language,
    translations,
  };
}

/** "Birthday automation" etc. in the restaurant's staff language: what history shows for the campaign. */
async function automationCampaignName(automation: Automation, defaultLocale: string) {
  const locale = isStaffLocale(defaultLocale) ? defaultLocale : "en";
  return localizeMessage(`Automations.campaignNames.${automation.kind}`, undefined, locale);
}
