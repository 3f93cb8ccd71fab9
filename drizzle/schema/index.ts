// The one barrel in the project: drizzle wants a single schema object.

export * from "./audit-log";
export * from "./automations";
export * from "./campaign-messages";
export * from "./campaign-statuses";
export * from "./campaigns";
export * from "./consent-events";
export * from "./contacts";
export * from "./groups";
export * from "./message-events";
export * from "./message-templates";
export * from "./phone-verifications";
export * from "./provider-cache";
export * from "./provider-settings";
export * from "./recurring-sends";
export * from "./restaurant-logo";
export * from "./restaurant-settings";
export * from "./sign-in-attempts";
export * from "./signup-settings";
export * from "./signup-sources";
export * from "./signups";
export * from "./staff-phones";
export * from "./suppressions";
export * from "./test-clock";
export * from "./user-sessions";
export * from "./users";
export * from "./visits";
