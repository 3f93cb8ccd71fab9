// Its own module: offers.ts needs the kinds, and automations.ts → campaigns.ts → offers.ts would be a cycle.

/** The automations the restaurant has: one of each, so the kind is the automation's id. */
export const AUTOMATION_KINDS = ["birthday", "welcome", "winback", "after_visit"] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];
