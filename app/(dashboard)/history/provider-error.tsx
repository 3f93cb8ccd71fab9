import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ProviderFailure } from "@/lib/sms/provider-browse";

/** What the provider said when it failed, on the page (not a blank table). */
export function ProviderError({ provider, error }: { provider: string; error: ProviderFailure }) {
  return (
    <Alert variant="destructive" data-testid="provider-error">
      <AlertTitle>{provider} didn&apos;t answer as expected</AlertTitle>
      <AlertDescription>
        {error.message}{" "}
        <span className="text-xs opacity-80">
          ({error.code}
          {error.mode === "sandbox" ? ", sandbox" : ""})
        </span>
      </AlertDescription>
    </Alert>
  );
}
