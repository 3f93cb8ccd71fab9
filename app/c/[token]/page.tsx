import { Ticket } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { GuestLanguageSwitch } from "@/components/guest/guest-language-switch";
import { QrCode } from "@/components/signup/qr-code";
import { getDb } from "@/lib/db";
import { guestOfferOf } from "@/lib/guest-pages/page-subjects";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { qrPath } from "@/lib/signup/qr";
import { cn } from "@/lib/utils";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Guest.offer");
  return { title: t("codeLabel"), robots: { index: false, follow: false } };
}

const STATE_TONE = {
  valid: "bg-success/15 text-success",
  not_yet: "bg-muted text-muted-foreground",
  expired: "bg-destructive/10 text-destructive",
  redeemed: "bg-muted text-muted-foreground",
} as const;

/**
 * A guest's own offer page, reached from `{offer_link}` in their text: the code big and as a QR code for the
 * till's Scan button, with its window and state. No sign-in, and a read only (previewers open links too). The
 * link's signature (lib/offers/offer-link.ts) is checked before the database is asked, so this page can't be used
 * to try guessed codes; a wrong signature and an unknown code get the same page.
 */
export default async function OfferPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const [offer, settings, t, format] = await Promise.all([
    guestOfferOf(token),
    getRestaurantSettings(db),
    getTranslations("Guest.offer"),
    getFormatter(),
  ]);
  if (!offer) notFound();
  const qr = qrPath(offer.shown);
  const state =
    offer.state === "redeemed" && offer.redeemedAt
      ? t("state.redeemed", { date: format.dateTime(offer.redeemedAt, "moment") })
      : t(`state.${offer.state === "redeemed" ? "expired" : offer.state}`);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-4 sm:p-6">
      <div className="w-full max-w-sm space-y-4 rounded-xl border bg-card p-5 text-center shadow-sm">
        <Ticket className="mx-auto size-8 text-muted-foreground" aria-hidden />
        <p className="text-sm text-muted-foreground">{t("title", { restaurant: settings.name })}</p>
        {/* As staff wrote it, in whatever direction: "2 for 1 pizza" must not be reordered on an Urdu page. */}
        <h1 dir="auto" className="text-2xl font-semibold text-balance break-words">
          {offer.title}
        </h1>
        <p
          data-testid="offer-state"
          data-state={offer.state}
          className={cn("mx-auto w-fit rounded-full px-3 py-1 text-sm font-medium", STATE_TONE[offer.state])}
        >
          {state}
        </p>
        <div>
          <p className="text-sm text-muted-foreground">{t("codeLabel")}</p>
          <p
            data-testid="offer-code"
            className="font-mono text-4xl font-bold tracking-wider whitespace-nowrap tabular-nums"
            translate="no"
            dir="ltr"
          >
            {offer.shown}
          </p>
        </div>
        <QrCode
          size={qr.size}
          d={qr.d}
          label={t("qr", { code: offer.shown })}
          className={cn("mx-auto w-56 max-w-full rounded-md", offer.state !== "valid" && "opacity-40")}
        />
        <div className="space-y-1 text-sm">
          <p>{t("validFrom", { date: format.dateTime(offer.validFrom, "day") })}</p>
          <p>{t("validUntil", { date: format.dateTime(offer.validUntil, "day") })}</p>
        </div>
        <p className="text-sm text-muted-foreground">{t("show")}</p>
      </div>
      <GuestLanguageSwitch path={`/c/${encodeURIComponent(token)}`} />
    </main>
  );
}
