import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { isProviderError } from "@/lib/sms/errors";
import { sessionFor } from "@/lib/sms/registry";
import type { ProviderName } from "@/lib/sms/types";
import { completeReservation, minutesUntil, reserveWithinLimit } from "@/lib/test-sends/per-user-limit";
import { resolveTestRecipient, type TestRecipient } from "@/lib/test-sends/recipients";
import type { TestRecipientChoice } from "@/lib/validation/test-sends";
import { localizedUserMessage } from "./provider-error-message";
import { type ProviderMode, resolveProvider } from "./resolve-provider";

/** Test sends one user may make in a rolling hour (a test is a check, not a way to text people). */
export const MAX_TEST_SENDS_PER_HOUR = 10;
export const TEST_SMS_ACTION = "provider.test_sms";
/** Refusals are logged under another name, so they don't count towards the limit. */
export const TEST_SMS_REFUSED_ACTION = "provider.test_sms_refused";

export type TestSmsResult =
  | {
      ok: true;
      mode: ProviderMode;
      to: string;
      segments: number;
      encoding: string;
      cost: number | null;
      providerMessageId: string | null;
    }
  | { ok: false; mode: ProviderMode; to: string; code: string; message: string };

/** What a test carries, settled for the recipient's number (the caller checks it as a real send would be). */
export type TestContent = { provider: ProviderName; text: string; sender: string | null };

/**
 * Sends one test message and reports exactly what the provider answered. Only to an allowed recipient (the
 * user's verified phone or a staff phone, never a suppressed number), at most MAX_TEST_SENDS_PER_HOUR per user,
 * every attempt audit-logged. `content` builds and checks the text and sender for the recipient's number; its
 * refusals are logged as refused attempts too. Test sends carry no delivery-report URL: there is no row to update.
 */
export async function sendTestSms(
  db: Database,
  actor: { id: string },
  choice: TestRecipientChoice,
  purpose: "compose" | "connection",
  content: (recipient: TestRecipient) => Promise<TestContent>,
): Promise<TestSmsResult> {
  let recipient: TestRecipient | null = null;
  let test: TestContent;
  try {
    recipient = await resolveTestRecipient(db, actor.id, choice);
    test = await content(recipient);
  } catch (err) {
    if (err instanceof AppError)
      await logRefusal(db, actor, {
        purpose,
        recipient: choice,
        to: recipient?.phone ?? null,
        reason: err.code,
        message: await localizeMessage(err.message, err.values, "en"), // the log keeps English
      });
    throw err;
  }
  const to = recipient.phone;
  const resolved = await resolveProvider(db, test.provider);
  const from = test.sender ?? resolved.defaultSender ?? undefined;
  const details = {
    to,
    recipient: recipient.kind,
    provider: test.provider,
    sender: from ?? null,
    mode: resolved.mode,
    purpose,
  };
  const reservation = await reserveWithinLimit(db, actor.id, MAX_TEST_SENDS_PER_HOUR, {
    action: TEST_SMS_ACTION,
    targetType: "provider",
    targetId: test.provider,
    details,
  });
  if (reservation.id === null) {
    const key = "Providers.testSends.errors.tooManyTests";
    const values = { max: MAX_TEST_SENDS_PER_HOUR, minutes: minutesUntil(reservation.freeAt) };
    // The audit log keeps the English wording; the person sending reads it in their language.
    const message = await localizeMessage(key, values, "en");
    await logRefusal(db, actor, { ...details, recipient: choice, reason: "RATE_LIMITED", message });
    throw new AppError("RATE_LIMITED", key, values);
  }

  const info = getSegmentInfo(test.text);
  let result: TestSmsResult;
  try {
    const receipt = await sessionFor(resolved, db).send({ to, text: test.text, from });
    result = {
      ok: true,
      mode: resolved.mode,
      to,
      segments: receipt.segments || info.segments,
      encoding: info.encoding,
      cost: receipt.cost,
      providerMessageId: receipt.providerMessageId,
    };
  } catch (err) {
    await completeReservation(db, reservation.id, { ok: false, code: isProviderError(err) ? err.code : "internal" });
    if (!isProviderError(err)) throw err;
    return { ok: false, mode: resolved.mode, to, code: err.code, message: await localizedUserMessage(err) };
  }
  await completeReservation(db, reservation.id, { ok: true });
  return result;
}

async function logRefusal(db: Database, actor: { id: string }, details: Record<string, unknown>) {
  await recordAudit(db, { actorId: actor.id, action: TEST_SMS_REFUSED_ACTION, targetType: "provider", details });
}
