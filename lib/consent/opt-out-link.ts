import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/** 10 base62-ish characters (~59 bits): short enough for an SMS footer, far too many to guess. */
export function newOptOutToken(): string {
  return randomBytes(8).toString("base64url").replace(/[-_]/g, "x").slice(0, 10);
}

/** A link of a real guest's length, for counts and previews without a guest at hand. */
export function exampleOptOutUrl(): string {
  return optOutUrl("a1B2c3D4e5");
}

/** The guest's public opt-out link, as printed in SMS footers (`{opt_out_link}`). */
export function optOutUrl(token: string): string {
  return `${publicBaseUrl()}/o/${token}`;
}

/** The app's public address without a trailing slash: where guests' links (opt-out, short links) point. */
export function publicBaseUrl(): string {
  const config = env();
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}
