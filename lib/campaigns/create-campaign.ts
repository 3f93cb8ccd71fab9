import "server-only";
import { type CampaignOrigin, campaignMessages, campaigns } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GuestLocale } from "@/lib/i18n/locales";
import { insertTrackedLinks } from "@/lib/links/insert-tracked-links";
import type { MessageTranslation } from "@/lib/messages/message-versions";
import { type CampaignOffer, insertOfferCodes } from "@/lib/offers/insert-offer-codes";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { PROVIDER_INFO } from "@/lib/sms/providers";
import type { ProviderName } from "@/lib/sms/types";
import { MAX_MESSAGE_LENGTH } from "@/lib/validation/providers";
import { initialCampaignStatus } from "./campaign-lifecycle";

export type CampaignRecipient = {
  phone: string;
  contactId: string | null;
  body: string;
  /** The recipient's offer code (canonical, lib/offers/offer-code.ts) when the text carries `{offer_code}`. */
  offerCode?: string;
  /** The recipient's own short links in `body` (lib/links): written with the messages. */
  links?: { code: string; url: string }[];
};

export type NewCampaign = {
  name: string;
  provider: ProviderName;
  sender: string | null;
  template: string;
  /** The language `template` is written in; null when unknown (campaigns made before languages, resends). */
  language?: GuestLocale | null;
  /** The same message in other languages (each guest's own text is in `recipients`). */
  translations?: readonly MessageTranslation[];
  category: "marketing" | "transactional";
  optOutFooter: boolean;
  /** Links in the text went out as each recipient's own short link (`recipients[].links`). */
  trackLinks?: boolean;
  recipients: readonly CampaignRecipient[];
  /** null = send now. */
  scheduledAt: Date | null;
  expireAfterMinutes: number | null;
  /** Managers and owners approve as they send; staff drafts wait for approval. */
  approved: boolean;
  /** A repeating send's run: which one and its local date (unique together with the provider). */
  recurringSendId?: string;
  occurrence?: string;
  /** Who wrote it: staff (compose, the default) or the sign-up page (its confirmation and welcome texts). */
  origin?: CampaignOrigin;
  /** Shared by the campaigns one compose submission wrote (one per provider): approved and shown as one. */
  submissionId?: string;
  /** The offer the recipients' codes redeem, and their window (lib/offers/insert-offer-codes.ts). */
  offer?: CampaignOffer | null;
};

const INSERT_CHUNK = 2000;

/**
 * Writes the campaign and one message row per recipient, in one transaction, before anything is sent: the
 * rows are the send list, the progress record and the idempotency key (a number appears once per campaign).
 */
export async function createCampaign(db: Database, actor: { id: string } | null, input: NewCampaign) {
  return db.transaction((tx) => insertCampaign(tx as unknown as Database, actor, input));
}

/**
 * createCampaign inside a transaction the caller already holds: the sign-up page writes its texts in the
 * sign-up's own transaction (no savepoint, no second commit).
 */
export async function insertCampaign(tx: Database, actor: { id: string } | null, input: NewCampaign) {
  if (input.recipients.length === 0) {
    throw new AppError("INVALID_INPUT", "Campaigns.errors.noRecipients");
  }
  for (const r of input.recipients) {
    if (!r.body.trim()) throw new AppError("INVALID_INPUT", "Campaigns.errors.emptyMessageFor", { phone: r.phone });
    if (r.body.length > MAX_MESSAGE_LENGTH) {
      throw new AppError("INVALID_INPUT", "Campaigns.errors.messageTooLongFor", {
        phone: r.phone,
        length: r.body.length,
        max: MAX_MESSAGE_LENGTH,
      });
    }
  }
  if (input.scheduledAt && input.scheduledAt.getTime() < Date.now() - 60_000) {
    throw new AppError("INVALID_INPUT", "Campaigns.errors.timePassed");
  }
  let unique = [...new Map(input.recipients.map((r) => [r.phone, r])).values()];
  const scheduledVia = input.scheduledAt
    ? PROVIDER_INFO[input.provider].schedulesAtProvider
      ? "provider"
      : "queue"
    : null;
  const status = initialCampaignStatus(input);
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      name: input.name,
      provider: input.provider,
      sender: input.sender,
      body: input.template,
      language: input.language ?? null,
      translations: [...(input.translations ?? [])],
      category: input.category,
      origin: input.origin ?? "compose",
      optOutFooter: input.optOutFooter,
      trackLinks: input.trackLinks ?? false,
      status,
      scheduledAt: input.scheduledAt,
      scheduledVia,
      expireAfterMinutes: input.expireAfterMinutes,
      recurringSendId: input.recurringSendId ?? null,
      occurrence: input.occurrence ?? null,
      submissionId: input.submissionId ?? null,
      offerId: input.offer?.id ?? null,
      recipientCount: unique.length,
      createdById: actor?.id ?? null,
      approvedById: input.approved ? (actor?.id ?? null) : null,
      approvedAt: input.approved ? new Date() : null,
    })
    .returning();
  if (!campaign) throw new Error("campaign insert returned nothing");
  // Codes first: one taken by another guest meanwhile is replaced, in that guest's text too, before it is written.
  if (input.offer) unique = await insertOfferCodes(tx, campaign.id, input.offer, unique);
  const sent = await insertTrackedLinks(tx, campaign.id, unique, input.scheduledAt);
  const segmentsByBody = new Map<string, ReturnType<typeof getSegmentInfo>>();
  for (let i = 0; i < sent.length; i += INSERT_CHUNK) {
    await tx
      .insert(campaignMessages)
      .values(
        sent.slice(i, i + INSERT_CHUNK).map((r) => {
          const info = segmentsByBody.get(r.body) ?? getSegmentInfo(r.body);
          segmentsByBody.set(r.body, info);
          return {
            campaignId: campaign.id,
            contactId: r.contactId,
            phone: r.phone,
            body: r.body,
            segments: info.segments,
            encoding: info.encoding,
          };
        }),
      )
      .onConflictDoNothing();
  }
  await recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: `campaign.${status === "draft" ? "drafted" : status === "scheduled" ? "scheduled" : "sent"}`,
    targetType: "campaign",
    targetId: campaign.id,
    details: {
      provider: input.provider,
      recipients: unique.length,
      scheduledAt: input.scheduledAt?.toISOString() ?? null,
    },
  });
  return campaign;
}
