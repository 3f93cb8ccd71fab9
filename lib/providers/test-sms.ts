import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { isProviderError } from "@/lib/sms/errors";
import type { TestSmsInput } from "@/lib/validation/providers";
import { cpsmsClientFor, smsappClientFor } from "./provider-clients";
import { resolveProvider, type ProviderMode } from "./resolve-provider";

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

/**
 * Sends one test message through a provider and reports exactly what the provider answered. Test sends carry
 * no delivery-report URL: they are not campaign messages and have no row to update.
 */
export async function sendTestSms(db: Database, actor: { id: string }, input: TestSmsInput): Promise<TestSmsResult> {
  const { defaultCountry } = await getRestaurantSettings(db);
  const phone = parsePhoneNumberFromString(input.to, defaultCountry as CountryCode);
  if (!phone?.isValid()) {
    throw new AppError(
      "INVALID_INPUT",
      `"${input.to}" isn't a valid phone number. Include the country code, e.g. +45 20 12 34 56 or +92 300 1234567.`,
    );
  }
  const to = phone.number; // E.164
  const resolved = await resolveProvider(db, input.provider);
  const from = input.sender || resolved.defaultSender || undefined;
  const info = getSegmentInfo(input.text);
  let result: TestSmsResult;
  try {
    const client = resolved.provider === "cpsms" ? cpsmsClientFor(resolved, db) : smsappClientFor(resolved);
    const receipt = await client.send({ to, text: input.text, from });
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
    if (!isProviderError(err)) throw err;
    result = { ok: false, mode: resolved.mode, to, code: err.code, message: err.userMessage };
  }
  await recordAudit(db, {
    actorId: actor.id,
    action: "provider.test_sms",
    targetType: "provider",
    targetId: input.provider,
    details: { to, mode: resolved.mode, ok: result.ok, ...(result.ok ? {} : { code: result.code }) },
  });
  return result;
}
