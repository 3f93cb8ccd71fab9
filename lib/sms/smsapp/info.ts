import type { ProviderInfo, SenderNote } from "../provider-info";

/** smsapp.pk handles at most 50 items per /sms/send-bulk-messages call. */
export const SMSAPP_BULK_LIMIT = 50;

/** smsapp.pk (Pakistan, Ultimate SMS): no webhooks, no provider-side holding, bulk sends can't carry a sender. */
export const smsappInfo = {
  name: "smsapp",
  label: "smsapp.pk",
  shortLabel: "smsapp.pk",
  country: { name: "Pakistan", prefix: "+92" },
  unit: { one: "unit", other: "units" },
  unitKey: "unit",
  prices: { domestic: 1, international: 1 },
  lowBalance: 100,
  sender: {
    rules:
      "Up to 11 letters or digits (no spaces), or a phone number of up to 15 digits. It must be approved by smsapp.pk.",
    minLength: 1,
    accountDefault: "smsapp.pk account's default sender ID",
  },
  schedulesAtProvider: false,
  cancelLockMs: null,
  deliveryReports: "poll",
  credentials: {
    username: false,
    secretName: "API token",
    whereToFind: "From smsapp.pk: Developers → API token.",
  },
  history: { href: "/history/smsapp", tab: "smsapp.pk" },
  // Its bulk API can't carry a sender: a chosen one goes one message per call (see the README).
  senderNote: (chosen: string, guests: number): SenderNote =>
    chosen
      ? {
          key: "senderNoteSet",
          values: { chosen, guests, batches: Math.ceil(guests / SMSAPP_BULK_LIMIT), limit: SMSAPP_BULK_LIMIT },
        }
      : { key: "senderNoteEmpty", values: { limit: SMSAPP_BULK_LIMIT } },
} as const satisfies ProviderInfo;
