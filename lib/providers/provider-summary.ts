import type { ProviderName } from "@/lib/sms/types";
import { PROVIDER_LABELS } from "./provider-names";
import type { CredentialSource, ProviderMode, ResolvedProvider } from "./resolve-provider";

/** What the browser may know about a provider's configuration: never a key or token, only its hint. */
export type ProviderSummary = {
  provider: ProviderName;
  label: string;
  mode: ProviderMode;
  source: CredentialSource;
  /** CPSMS username in use (not secret). */
  username: string | null;
  secretHint: string | null;
  defaultSender: string | null;
  hasSavedCredentials: boolean;
  baseUrl: string;
};

export function summarizeProvider(resolved: ResolvedProvider): ProviderSummary {
  return {
    provider: resolved.provider,
    label: PROVIDER_LABELS[resolved.provider],
    mode: resolved.mode,
    source: resolved.source,
    username: resolved.provider === "cpsms" && resolved.mode === "live" ? resolved.username : null,
    secretHint: resolved.secretHint,
    defaultSender: resolved.defaultSender,
    hasSavedCredentials: resolved.hasSavedCredentials,
    baseUrl: resolved.baseUrl,
  };
}
