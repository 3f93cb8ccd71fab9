/**
 * The request header proxy.ts sets to the page's path and query, so the language can be chosen before any page
 * renders: a guest page's language depends on its token and `?lang`, and the root layout (which sets `<html lang>`)
 * renders alongside the page, not after it. Set by the proxy only: a client sending its own is overwritten.
 */
export const REQUEST_URL_HEADER = "x-cdr-url";
