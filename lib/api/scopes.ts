// Client-safe: the Settings form lists these, the schema stores them, the API checks them.

/**
 * What an API key may do. Split so a till that only reports visits can't edit the guest book. No read scope:
 * the API has no read routes (a call's answer and the idempotent replay give a system what it needs), and a
 * scope that grants nothing would mislead. Labels: `Settings.apiKeys.scopes.<scope>`.
 */
export const API_SCOPES = ["guests:write", "visits:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
