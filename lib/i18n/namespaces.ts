/**
 * The catalogue's namespaces: one JSON file each under messages/<locale>/, one per area of the product, so
 * areas are translated (and reviewed) separately.
 */
export const NAMESPACES = [
  "Common",
  "Errors",
  "Units",
  "Shell",
  "Auth",
  "Home",
  "Settings",
  "Account",
  "Contacts",
  "Groups",
  "Compose",
  "Campaigns",
  "Automations",
  "Redeem",
  "Reports",
  "History",
  "Providers",
  "Guest",
  "Console",
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** Urdu is for guests: only their namespaces are translated; the rest never shows to an Urdu reader. */
export const GUEST_NAMESPACES = ["Guest"] as const satisfies readonly Namespace[];
