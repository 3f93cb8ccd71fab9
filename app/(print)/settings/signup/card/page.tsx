import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QrCode } from "@/components/signup/qr-code";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isStaffLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { logoUrl, logoVersion } from "@/lib/restaurant/logo";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { findSourceBySlug } from "@/lib/signup/find-source";
import { joinUrl } from "@/lib/signup/join-links";
import { qrPath } from "@/lib/signup/qr";
import { shortLink } from "@/lib/signup/short-link";
import { PrintButton } from "./print-button";

// Outside the dashboard's shell, so only the card prints: one A6 sheet, edge to edge, white whatever the theme.
// On a phone's screen the card (105 mm, about 397 px) is shown a little smaller, so all of it fits.
const PRINT_CSS = `@page { size: A6; margin: 0; }
@media print { html, body { background: #fff !important; } }
@media screen and (max-width: 440px) { [data-testid="table-card"] { zoom: 0.85; } }`;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings.signup.card");
  return { title: t("title") };
}

/** GET /settings/signup/card?source=<slug>: a source's printable table card; without `source`, the plain /join. */
export default async function TableCardPage({
  searchParams,
}: {
  searchParams: Promise<{ source?: string | string[] }>;
}) {
  await requireUser({ role: "manager" });
  const { source } = await searchParams;
  const db = getDb();
  const found = typeof source === "string" ? await findSourceBySlug(db, source) : null;
  if (source !== undefined && !found) notFound();
  const [restaurant, version] = await Promise.all([getRestaurantSettings(db), logoVersion(db)]);
  const url = joinUrl(found?.slug ?? null);
  const qr = qrPath(url);
  const logo = logoUrl(version);
  // The card speaks to guests: the restaurant's language, whatever the language of whoever prints it.
  const cardLocale = isStaffLocale(restaurant.defaultLocale) ? restaurant.defaultLocale : "en";
  const t = await getTranslations("Settings.signup");
  const [headline, qrLabel, scan] = await Promise.all(
    (["headline", "qrLabel", "scan"] as const).map((key) =>
      localizeMessage(`Settings.signup.cardText.${key}`, undefined, cardLocale),
    ),
  );
  const name = found?.name ?? t("sources.plain");

  return (
    <main className="min-h-dvh bg-muted/60 px-4 py-6 print:bg-white print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="mx-auto mb-4 max-w-[105mm] space-y-3 print:hidden">
        <Link
          href="/settings/signup"
          className="inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden /> {t("card.back")}
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-lg font-semibold">{t("card.heading", { name })}</h1>
          <PrintButton label={t("card.print")} />
        </div>
        <p className="text-xs text-muted-foreground">{t("card.hint")}</p>
      </div>
      {/* Its own language (the restaurant's), and a hair under the sheet when printed: a rounding pixel over
          would print a blank second card. */}
      <article
        lang={cardLocale}
        data-testid="table-card"
        className="mx-auto flex h-[148mm] w-[105mm] print:h-[147mm] flex-col items-center justify-between overflow-hidden bg-white px-[9mm] py-[10mm] text-center text-black shadow-md print:shadow-none"
      >
        <div className="flex flex-col items-center gap-[2mm]">
          {logo ? (
            // biome-ignore lint/performance/noImgElement: printed as is; our own route serves it sized and cached.
            <img src={logo} alt="" className="max-h-[18mm] max-w-[60mm] object-contain" />
          ) : null}
          <p className="text-[13pt] font-semibold leading-tight">{restaurant.name}</p>
        </div>
        <p className="text-[20pt] font-bold leading-tight tracking-tight">{headline}</p>
        <QrCode size={qr.size} d={qr.d} label={qrLabel!} className="size-[56mm]" />
        <div className="space-y-[1.5mm]">
          <p className="text-[10.5pt] font-medium break-all">{shortLink(url)}</p>
          <p className="text-[9pt] text-neutral-600">{scan}</p>
        </div>
      </article>
    </main>
  );
}
