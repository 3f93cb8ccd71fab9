// Client-safe: plain data and pure functions only (no server-only imports), so pages, client components and the
// engine all read a provider's labels, units and capabilities from the same place.

/** A note under the sender fields, as a catalogue key under Providers.info.<name> with its values. */
export type SenderNote = { key: "senderNoteSet" | "senderNoteEmpty"; values: Record<string, string | number> };

/** How a provider's amounts read: CPSMS counts points, smsapp.pk units. */
export type ProviderUnit = { one: string; other: string };

/**
 * Everything the app shows or decides about a provider that needs no network: names, units, prices, sender
 * rules, what it can do. The server side (sending, looking up, cancelling) is its `ProviderAdapter`.
 */
export interface ProviderInfo {
  readonly name: string;
  /** The name on pages and pickers: "CPSMS.dk". */
  readonly label: string;
  /** The name in sentences and error messages: "CPSMS". */
  readonly shortLabel: string;
  /** The country it serves, and the prefix "Automatic" routes to it by default. */
  readonly country: { name: string; prefix: string };
  readonly unit: ProviderUnit;
  /** Its unit in the catalogue (messages/<locale>/Units.json): what `amountText` says on screen. */
  readonly unitKey: "point" | "unit";
  /** Our estimate of one segment's price in `unit`: to its own country's numbers, and to all others. */
  readonly prices: { domestic: number; international: number };
  /** Below this balance (in `unit`) the dashboard warns: about a small campaign's worth. */
  readonly lowBalance: number;
  readonly sender: {
    /** The rules in words, under sender fields. */
    rules: string;
    /** Shortest sender name it accepts. */
    minLength: number;
    /** What the pages call the sender when the account's default was used and the provider didn't say which. */
    accountDefault: string;
  };
  /** True when it holds scheduled messages itself (we hand them over at once); false: they wait in our queue. */
  readonly schedulesAtProvider: boolean;
  /** How long before the send time held messages can no longer be deleted; null when it holds none. */
  readonly cancelLockMs: number | null;
  /** "webhook": it calls us with delivery reports (when it can reach us); "poll": we must ask. */
  readonly deliveryReports: "webhook" | "poll";
  /** What its credentials consist of, for the settings page. */
  readonly credentials: { username: boolean; secretName: string; whereToFind: string };
  /** Its own history page (route segment under /history) and the tab that leads there. */
  readonly history: { href: string; tab: string };
  /**
   * A note under the sender fields when its sender handling costs something staff should know (smsapp.pk: a
   * chosen sender means one call per guest). `chosen` is the sender in effect ("" for the account default).
   * Pages show it as `Providers.info.<name>.<key>` with its values.
   */
  readonly senderNote?: (chosen: string, guests: number) => SenderNote;
}
