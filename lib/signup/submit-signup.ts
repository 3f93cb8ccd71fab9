import "server-only";
import { and, eq, gt, or, sql } from "drizzle-orm";
import { signups } from "@/drizzle/schema";
import { insertCampaign } from "@/lib/campaigns/create-campaign";
import { enqueueDispatch } from "@/lib/campaigns/enqueue-dispatch";
import { routeProvider } from "@/lib/campaigns/route-provider";
import { hashPhone } from "@/lib/consent/phone-hash";
import { formatPhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import type { JoinInput } from "@/lib/validation/join";
import { confirmationText } from "./confirmation-text";
import { findSourceBySlug } from "./find-source";
import { confirmUrl } from "./join-links";
import { MAX_FORM_AGE_MS, MIN_FILL_MS, SIGNUPS_PER_ADDRESS_PER_HOUR, SIGNUPS_PER_NUMBER_PER_DAY } from "./limits";
import { readGuestPhone } from "./read-guest-phone";
import { clientKeyOf, formAge } from "./request-keys";
import { getSignupSettings } from "./signup-settings";
import { hashSignupToken, newSignupToken } from "./signup-token";
import { signupWording, wordingHash } from "./signup-wording";
import { systemCampaignName } from "./system-campaign-name";
import { countRefusal, takeTextBudget } from "./text-budget";

/**
 * What the guest is told. "sent" is the answer for every accepted number, known to the guest book or not (no
 * enumeration), and for a bot caught by the honeypot (it learns nothing). "capped": no text could be sent this
 * hour; the guest is asked to try later.
 */
export type JoinOutcome = { kind: "sent"; phone: string; expiresInHours: number } | { kind: "capped" };

class CapReached extends Error {
  constructor(readonly scope: string) {
    super("sign-up text cap reached");
  }
}

/**
 * A guest's sign-up from the public page: checks it (bots, limits, number, wording), records it as pending and
 * queues the confirmation text (a one-recipient transactional campaign, so it is sent, tracked and costed like
 * every other message), all or nothing. Nothing enters the guest book until the guest confirms.
 */
export async function submitSignup(
  db: Database,
  input: JoinInput,
  client: { address: string },
  now = new Date(),
): Promise<JoinOutcome> {
  const [settings, restaurant] = await Promise.all([getSignupSettings(db), getRestaurantSettings(db)]);
  if (input.website.trim()) return { kind: "sent", phone: input.phone, expiresInHours: settings.expiryHours };
  const age = formAge(input.stamp, now.getTime());
  if (age === null || age > MAX_FORM_AGE_MS) throw new AppError("INVALID_INPUT", "Guest.join.errors.formExpired");
  if (age < MIN_FILL_MS) throw new AppError("INVALID_INPUT", "Guest.join.errors.tooFast");

  const source = input.source ? await findSourceBySlug(db, input.source) : null;
  if (input.source && !source) throw new AppError("NOT_FOUND", "Guest.join.errors.unknownSource");
  const wording = await signupWording(settings, input.language, restaurant.name);
  if (wordingHash(wording) !== input.wordingHash) {
    throw new AppError("CONFLICT", "Guest.join.errors.wordingChanged");
  }
  const phone = readGuestPhone(input.phone, restaurant.defaultCountry);
  const phoneHash = hashPhone(phone.e164);
  const clientKey = clientKeyOf(client.address);
  const token = newSignupToken();
  const expiresAt = new Date(now.getTime() + settings.expiryHours * 3600_000);
  const row = {
    sourceId: source?.id ?? null,
    phone: phone.e164,
    phoneHash,
    callingCode: phone.callingCode,
    firstName: input.firstName,
    birthdayMonth: input.birthdayMonth,
    birthdayDay: input.birthdayDay,
    language: input.language,
    wording,
    clientKey,
    expiresAt,
    createdAt: now,
  };

  const body = await confirmationText(input.language, {
    restaurant: restaurant.name,
    link: confirmUrl(token),
    hours: settings.expiryHours,
  });
  const name = await systemCampaignName("signup_confirmation", restaurant.defaultLocale);
  try {
    const campaignId = await db.transaction(async (tx) => {
      // Serialise sign-ups from one address and to one number, so parallel posts can't slip past the limits.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`signup:${clientKey}`})), pg_advisory_xact_lock(hashtext(${`signup:${phoneHash}`}))`,
      );
      await assertWithinLimits(tx as unknown as Database, { clientKey, phoneHash }, now);
      const campaign = await insertCampaign(tx as unknown as Database, null, {
        name,
        provider: routeProvider(phone.e164, restaurant.routes),
        sender: null,
        template: body,
        language: input.language,
        category: "transactional",
        origin: "signup_confirmation",
        optOutFooter: false,
        recipients: [
          {
            phone: phone.e164,
            contactId: null,
            body,
          },
        ],
        scheduledAt: null,
        expireAfterMinutes: null,
        approved: true,
      });
      await tx
        .insert(signups)
        .values({ ...row, tokenHash: hashSignupToken(token), confirmationCampaignId: campaign.id });
      // Last, so the hot budget rows (every sign-up of the hour updates them) stay locked only until the commit.
      const budget = await takeTextBudget(tx, phone.callingCode, settings, now);
      if (!budget.ok) throw new CapReached(budget.scope);
      return campaign.id;
    });
    await enqueueDispatch(campaignId);
    return { kind: "sent", phone: formatPhone(phone.e164), expiresInHours: settings.expiryHours };
  } catch (err) {
    if (!(err instanceof CapReached)) throw err;
    await db.transaction(async (tx) => {
      await tx.insert(signups).values({ ...row, status: "capped" });
      await countRefusal(tx, err.scope, now);
    });
    return { kind: "capped" };
  }
}

async function assertWithinLimits(db: Database, keys: { clientKey: string; phoneHash: string }, now: Date) {
  const hourAgo = new Date(now.getTime() - 3600_000);
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const [counts] = await db
    .select({
      byAddress: sql<number>`count(*) filter (where ${signups.clientKey} = ${keys.clientKey} and ${signups.createdAt} > ${hourAgo})::int`,
      byNumber: sql<number>`count(*) filter (where ${signups.phoneHash} = ${keys.phoneHash})::int`,
    })
    .from(signups)
    .where(
      or(
        and(eq(signups.clientKey, keys.clientKey), gt(signups.createdAt, hourAgo)),
        and(eq(signups.phoneHash, keys.phoneHash), gt(signups.createdAt, dayAgo)),
      ),
    );
  if ((counts?.byAddress ?? 0) >= SIGNUPS_PER_ADDRESS_PER_HOUR) {
    throw new AppError("RATE_LIMITED", "Guest.join.errors.tooManyFromHere");
  }
  if ((counts?.byNumber ?? 0) >= SIGNUPS_PER_NUMBER_PER_DAY) {
    throw new AppError("RATE_LIMITED", "Guest.join.errors.tooManyForNumber");
  }
}
