import "server-only";
import { asc, eq } from "drizzle-orm";
import { campaignMessages, campaigns, contacts, messageEvents } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/**
 * One message with its campaign, guest and every status it went through (oldest first). Lines marked ignored
 * are reports that did not change the status (they arrived after a later one); the message's own status is
 * the current one.
 */
export async function getHistoryMessage(db: Database, id: number) {
  const [row] = await db
    .select({
      message: campaignMessages,
      campaign: {
        id: campaigns.id,
        name: campaigns.name,
        origin: campaigns.origin,
        provider: campaigns.provider,
        sender: campaigns.sender,
        category: campaigns.category,
      },
      contact: { id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName },
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .leftJoin(contacts, eq(contacts.id, campaignMessages.contactId))
    .where(eq(campaignMessages.id, id));
  if (!row) return null;
  const events = await db
    .select({
      id: messageEvents.id,
      status: messageEvents.status,
      source: messageEvents.source,
      detail: messageEvents.detail,
      at: messageEvents.at,
    })
    .from(messageEvents)
    .where(eq(messageEvents.messageId, id))
    .orderBy(asc(messageEvents.at), asc(messageEvents.id));
  return { ...row, events: events.map((e) => ({ ...e, ignored: e.source.endsWith("-ignored") })) };
}

/**
 * Where a timeline event came from (labels: `History.eventSources.<source>`). "dlrIgnored" is a report that came
 * after a later status (a late, repeated or forged one): shown, but never as the status.
 */
const EVENT_SOURCES = [
  "dispatch",
  "reconcile",
  "dlr",
  "dlr-ignored",
  "poll",
  "staff",
  "schedule",
  "consent",
  "cap",
] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export function isEventSource(value: string): value is EventSource {
  return (EVENT_SOURCES as readonly string[]).includes(value);
}
