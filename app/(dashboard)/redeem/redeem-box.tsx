"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import type { OfferCodeView } from "@/lib/offers/offer-code-view";
import { toast } from "@/lib/toast/toast";
import { lookupOfferCodeAction, redeemOfferCodeAction } from "./actions";
import { CodeCard } from "./code-card";
import { ScanButton } from "./scan-button";

/**
 * Type (or paste) a code, see the offer; mark it redeemed with the bill if staff enter one. Big targets and a
 * single column: it is used standing at the till, on a phone.
 */
export function RedeemBox({ currency }: { currency: string | null }) {
  const id = useId();
  const t = useTranslations("Redeem");
  const [typed, setTyped] = useState("");
  const [bill, setBill] = useState("");
  const [view, setView] = useState<OfferCodeView | null>(null);
  const [justRedeemed, setJustRedeemed] = useState(false);

  const lookup = useAction(lookupOfferCodeAction, {
    errors: "inline",
    onSuccess: (found) => {
      setView(found);
      setJustRedeemed(false);
      setBill("");
    },
    onError: () => setView(null),
  });
  const redeem = useAction(redeemOfferCodeAction, {
    errors: "inline",
    success: ({ redeemed, view }) => (redeemed ? t("redeemedToast", { code: view.shown }) : null),
    onSuccess: ({ redeemed, view }) => {
      setView(view);
      setJustRedeemed(redeemed);
      if (!redeemed) toast.error(t("refusedToast", { code: view.shown }));
    },
  });
  const error = (lookup.error ?? redeem.error)?.message ?? null;

  return (
    <div className="space-y-4">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          redeem.reset();
          lookup.run({ code: typed });
        }}
      >
        <Label htmlFor={`${id}-code`}>{t("codeLabel")}</Label>
        <div className="flex gap-2">
          <Input
            id={`${id}-code`}
            value={typed}
            onChange={(e) => setTyped(e.target.value.toUpperCase())}
            placeholder="7KQ2-M9XD"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={40}
            aria-describedby={`${id}-code-hint`}
            aria-invalid={lookup.error ? true : undefined}
            className="h-12 font-mono text-xl tracking-widest uppercase"
          />
          <Button type="submit" className="h-12 px-5" disabled={lookup.pending || !typed.trim()}>
            {lookup.pending ? t("looking") : t("lookUp")}
          </Button>
        </div>
        <p id={`${id}-code-hint`} className="text-xs text-muted-foreground">
          {t("codeHint")}
        </p>
      </form>

      <ScanButton
        onCode={(code) => {
          setTyped(code.toUpperCase());
          redeem.reset();
          lookup.run({ code });
        }}
      />

      {error && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}

      {view && (
        <CodeCard view={view} justRedeemed={justRedeemed}>
          {view.state === "valid" && (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                redeem.run({ code: view.code, bill });
              }}
            >
              {currency && (
                <div className="space-y-1.5">
                  <Label htmlFor={`${id}-bill`}>{t("billLabel", { currency })}</Label>
                  <Input
                    id={`${id}-bill`}
                    value={bill}
                    onChange={(e) => setBill(e.target.value)}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder={t("billPlaceholder")}
                    className="h-11 sm:max-w-48"
                  />
                </div>
              )}
              <Button type="submit" className="h-12 w-full text-base" disabled={redeem.pending}>
                {redeem.pending ? t("redeeming") : t("markRedeemed")}
              </Button>
            </form>
          )}
        </CodeCard>
      )}
    </div>
  );
}
