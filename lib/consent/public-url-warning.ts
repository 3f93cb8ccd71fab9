import "server-only";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import type { ProviderName } from "@/lib/sms/types";
import { optOutUrl } from "./opt-out-link";

/**
 * Why guests can't open the opt-out links in real texts, or null when they can (or nothing real is sent: the
 * sandbox's phones are pretend). Links are built from PUBLIC_URL; without an https one they point at this
 * machine (http://localhost:3000/o/…), which a guest's phone can't reach, and the law requires a working opt-out.
 */
export function publicUrlProblem(
  publicUrl: string | undefined,
  liveProviders: readonly ProviderName[],
  exampleLink: string,
): string | null {
  if (liveProviders.length === 0) return null;
  if (publicUrl && new URL(publicUrl).protocol === "https:") return null;
  const through = liveProviders.map((p) => PROVIDER_LABELS[p]).join(" and ");
  const reason = publicUrl ? `PUBLIC_URL is ${publicUrl}, not an https address` : "PUBLIC_URL is not set";
  return `Texts through ${through} go to real guests, but ${reason}: their opt-out links look like ${exampleLink}, which no guest can open. Set PUBLIC_URL to this app's public https address (e.g. https://sms.myrestaurant.dk) and restart the app.`;
}

/** The warning for this instance: its PUBLIC_URL against the providers configured with real credentials. */
export async function publicUrlWarning(db: Database): Promise<string | null> {
  let live: ProviderName[];
  try {
    const providers = await resolveProviders(db);
    live = PROVIDER_NAMES.filter((p) => providers[p].mode === "live");
  } catch {
    // Unreadable saved credentials: Settings > Providers says so itself; nothing is sent with them meanwhile.
    return null;
  }
  return publicUrlProblem(env().PUBLIC_URL, live, optOutUrl("…"));
}
