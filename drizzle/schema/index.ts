// The one barrel in the project: drizzle wants a single schema object.
export * from "./users";
export * from "./sign-in-attempts";
export * from "./audit-log";
export * from "./provider-settings";
export * from "./provider-cache";
export * from "./restaurant-settings";
export * from "./campaign-statuses";
export * from "./recurring-sends";
export * from "./campaigns";
export * from "./campaign-messages";
export * from "./message-events";
export * from "./contacts";
export * from "./consent-events";
export * from "./suppressions";
export * from "./groups";
export * from "./message-templates";
