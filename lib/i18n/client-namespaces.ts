import type { MessagePath } from "./pick-messages";

/**
 * The messages client components read, by area of the app (lib/i18n/client-messages.tsx): each area's layout
 * passes its list, on top of the shell's. client-namespaces.test.ts reads every client component of an area and
 * fails when one reads a namespace its area doesn't pass.
 */
export const SHELL_CLIENT_NAMESPACES = ["Common", "Errors", "Units", "Shell"] as const satisfies readonly MessagePath[];

export const AREA_CLIENT_NAMESPACES = {
  signIn: ["Auth.signIn"],
  guestJoin: ["Guest.join"],
  home: ["Campaigns.stored"],
  campaigns: [
    "Campaigns.controls",
    "Campaigns.list",
    "Campaigns.recipients",
    "Campaigns.repeating",
    "Campaigns.reschedule",
    "Campaigns.resend",
    "Campaigns.stored",
    "Compose.dateTime",
  ],
  compose: ["Compose", "Providers", "Contacts.phone"],
  contacts: ["Contacts", "Campaigns.stored"],
  groups: ["Groups"],
  automations: ["Automations.form", "Automations.list", "Compose.counter"],
  redeem: ["Redeem"],
  history: ["History", "Compose.dateTime", "Campaigns.stored"],
  settings: ["Account", "Auth", "Compose.counter", "Compose.dateTime", "Providers", "Settings"],
} as const satisfies Record<string, readonly MessagePath[]>;

export type ClientArea = keyof typeof AREA_CLIENT_NAMESPACES;
