import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ProviderFailure } from "@/lib/sms/provider-browse";

/** What the provider said when it failed, on the page (not a blank table). */
export function ProviderError({ provider, error }: { provider: string; error: ProviderFailure }) {
  const t = useTranslations("History.providerError");
  return (
    <Alert variant="destructive" data-testid="provider-error">
      <AlertTitle>{t("title", { provider })}</AlertTitle>
      <AlertDescription>
        {error.message}{" "}
        <span className="text-xs opacity-80">
          {error.mode === "sandbox" ? t("codeSandbox", { code: error.code }) : t("code", { code: error.code })}
        </span>
      </AlertDescription>
    </Alert>
  );
}
