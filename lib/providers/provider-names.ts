import type { ProviderName } from "@/lib/sms/types";

export const PROVIDERS: readonly ProviderName[] = ["cpsms", "smsapp"];

export const PROVIDER_LABELS: Record<ProviderName, string> = { cpsms: "CPSMS.dk", smsapp: "smsapp.pk" };

export function isProviderName(value: unknown): value is ProviderName {
  return value === "cpsms" || value === "smsapp";
}
