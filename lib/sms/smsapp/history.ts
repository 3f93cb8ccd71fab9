import "server-only";
import type { Database } from "@/lib/db";
import { smsappClientFor } from "@/lib/providers/provider-clients";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import { BROWSE_TRANSPORT, browseFailure, ourMessagesByProviderId, type ProviderFailure } from "../provider-browse";
import type { SmsappPage } from "./messages";
import type { SmsappMessage } from "./schemas";

/** One page of smsapp.pk's own message history (`GET /sms?page=N`), exactly as it reports it. */
export async function browseSmsappHistory(
  db: Database,
  page: number,
): Promise<
  { ok: true; mode: ProviderMode; page: SmsappPage<SmsappMessage>; ours: Record<string, number> } | ProviderFailure
> {
  const resolved = await resolveProvider(db, "smsapp");
  try {
    const result = await smsappClientFor(resolved, BROWSE_TRANSPORT).listMessages(page);
    return {
      ok: true,
      mode: resolved.mode,
      page: result,
      ours: await ourMessagesByProviderId(
        db,
        result.items.map((i) => i.uid),
      ),
    };
  } catch (err) {
    return browseFailure(err, resolved.mode);
  }
}

/** One smsapp.pk message by uid, its status read live. */
export async function smsappMessageByUid(
  db: Database,
  uid: string,
): Promise<
  { ok: true; mode: ProviderMode; message: SmsappMessage; ourId: number | null; checkedAt: Date } | ProviderFailure
> {
  const resolved = await resolveProvider(db, "smsapp");
  try {
    const message = await smsappClientFor(resolved, BROWSE_TRANSPORT).getMessage(uid);
    const ours = await ourMessagesByProviderId(db, [uid]);
    return { ok: true, mode: resolved.mode, message, ourId: ours[uid] ?? null, checkedAt: new Date() };
  } catch (err) {
    return browseFailure(err, resolved.mode);
  }
}
