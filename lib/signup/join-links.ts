import "server-only";
import { env } from "@/lib/env";

function base(): string {
  const config = env();
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}

/** The public sign-up page, for a source (`/join/<slug>`: a table tent, a receipt) or the plain one. */
export function joinUrl(slug: string | null): string {
  return slug ? `${base()}/join/${slug}` : `${base()}/join`;
}

/** The confirmation link in the double opt-in text: short, it is part of an SMS. */
export function confirmUrl(token: string): string {
  return `${base()}/j/${token}`;
}
