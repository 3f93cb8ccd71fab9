import "server-only";
import { hashPhone } from "@/lib/consent/phone-hash";
import { formatPhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { QUEUE } from "@/lib/jobs/queues";
import { wakeQueue } from "@/lib/jobs/wake-queue";
import type { JoinInput } from "@/lib/validation/join";
import { type JoinContext, loadJoinContext } from "./join-context";
import { MAX_FORM_AGE_MS, MIN_FILL_MS } from "./limits";
import { readGuestPhone } from "./read-guest-phone";
import { recordSignup } from "./record-signup";
import { clientKeyOf, formAge } from "./request-keys";
import { signupWording, wordingHash } from "./signup-wording";
import { countRefusal } from "./text-budget";

/**
 * What the guest is told. "sent" is the answer for every accepted number, known to the guest book or not (no
 * enumeration), and for a bot caught by the honeypot (it learns nothing). "capped": no text could be sent this
 * hour; the guest is asked to try later.
 */
export type JoinOutcome = { kind: "sent"; phone: string; expiresInHours: number } | { kind: "capped" };

/**
 * A guest's sign-up from the public page: checks it (bots, fill time, wording, number, limits) and records it,
 * then wakes the job worker to queue its confirmation text (send-confirmations.ts: a one-recipient transactional
 * campaign, sent, tracked and costed like every other message). The guest's answer waits for one statement
 * only, so a room signing up at once is answered at once. Nothing enters the guest book until
 * the guest confirms. `context` is the settings read (join-context.ts); read afresh when not given.
 */
export async function submitSignup(
  db: Database,
  input: JoinInput,
  client: { address: string },
  now = new Date(),
  context?: JoinContext,
): Promise<JoinOutcome> {
  const { settings, restaurant, source } = context ?? (await loadJoinContext(db, input.source));
  if (input.website.trim()) return { kind: "sent", phone: input.phone, expiresInHours: settings.expiryHours };
  const age = formAge(input.stamp, now.getTime());
  if (age === null || age > MAX_FORM_AGE_MS) throw new AppError("INVALID_INPUT", "Guest.join.errors.formExpired");
  if (age < MIN_FILL_MS) throw new AppError("INVALID_INPUT", "Guest.join.errors.tooFast");
  if (input.source && !source) throw new AppError("NOT_FOUND", "Guest.join.errors.unknownSource");
  const wording = await signupWording(settings, input.language, restaurant.name);
  if (wordingHash(wording) !== input.wordingHash) {
    throw new AppError("CONFLICT", "Guest.join.errors.wordingChanged");
  }
  const phone = readGuestPhone(input.phone, restaurant.defaultCountry);

  const intake = await recordSignup(
    db,
    {
      sourceId: source?.id ?? null,
      phone: phone.e164,
      phoneHash: hashPhone(phone.e164),
      callingCode: phone.callingCode,
      firstName: input.firstName,
      birthdayMonth: input.birthdayMonth,
      birthdayDay: input.birthdayDay,
      language: input.language,
      wording,
      clientKey: clientKeyOf(client.address),
      expiresAt: new Date(now.getTime() + settings.expiryHours * 3600_000),
      createdAt: now,
    },
    settings,
  );
  switch (intake.verdict) {
    case "address":
      throw new AppError("RATE_LIMITED", "Guest.join.errors.tooManyFromHere");
    case "number":
      throw new AppError("RATE_LIMITED", "Guest.join.errors.tooManyForNumber");
    case "capped":
      await countRefusal(db, intake.scope, now);
      return { kind: "capped" };
    case "received":
      // Not awaited: the guest is answered now; the worker's run starts after this sign-up was written.
      wakeQueue(QUEUE.signupConfirmations);
      return { kind: "sent", phone: formatPhone(phone.e164), expiresInHours: settings.expiryHours };
  }
}
