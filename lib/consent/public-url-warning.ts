import "server-only";
import type { Problem } from "@/lib/contacts/problem";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { PROVIDER_NAMES } from "@/lib/sms/providers";
import type { ProviderName } from "@/lib/sms/types";
import { optOutUrl } from "./opt-out-link";

/**
 * Why guests can't open the opt-out links in real texts, or null when they can (or nothing real is sent: the
 * sandbox's phones are pretend). Links are built from PUBLIC_URL; without an https one they point at this
 * machine (http://localhost:3000/o/…), which a guest's phone can't reach, and the law requires a working opt-out.
 * A catalogue key (`Contacts.publicUrl.*`) with its values, worded by `publicUrlWarning` in the reader's language.
 */
export function publicUrlProblem(
  publicUrl: string | undefined,
  liveProviders: readonly ProviderName[],
  exampleLink: string,
): Problem | null {
  if (liveProviders.length === 0) return null;
  if (publicUrl && new URL(publicUrl).protocol === "https:") return null;
  const labels = liveProviders.map((p) => PROVIDER_LABELS[p]);
  const values = {
    count: labels.length,
    first: labels.slice(0, -1).join(", ") || labels[0]!,
    last: labels.at(-1)!,
    link: exampleLink,
  };
  return publicUrl
    ? { key: "Contacts.publicUrl.notHttps", values: { ...values, url: publicUrl } }
    : { key: "Contacts.publicUrl.notSet", values };
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
  const problem = publicUrlProblem(env().PUBLIC_URL, live, optOutUrl("…"));
  return problem && (await localizeMessage(problem.key, problem.values));
}
