import type { ProviderInfo } from "../provider-info";

/** CPSMS.dk (Denmark): holds scheduled messages itself and calls us with delivery reports. */
export const cpsmsInfo = {
  name: "cpsms",
  label: "CPSMS.dk",
  shortLabel: "CPSMS",
  country: { name: "Denmark", prefix: "+45" },
  unit: { one: "point", other: "points" },
  unitKey: "point",
  // Its price list (mirrored by the sandbox's pointPrices): 1 point a segment to Danish numbers, 1.6 elsewhere.
  prices: { domestic: 1, international: 1.6 },
  lowBalance: 100,
  sender: {
    rules: "3–11 letters or digits (no spaces), or a phone number of up to 15 digits.",
    minLength: 3,
    accountDefault: "CPSMS account's default sender",
  },
  schedulesAtProvider: true,
  // CPSMS refuses to delete a scheduled SMS within 10 minutes of its send time.
  cancelLockMs: 10 * 60_000,
  deliveryReports: "webhook",
  credentials: {
    username: true,
    secretName: "API key",
    whereToFind: "From cpsms.dk: Indstillinger → API.",
  },
  history: { href: "/history/cpsms", tab: "CPSMS log" },
} as const satisfies ProviderInfo;
