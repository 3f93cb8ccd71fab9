import { CheckCircle2, MessageSquareOff } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { GuestLanguageSwitch } from "@/components/guest/guest-language-switch";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { optOutOf } from "@/lib/guest-pages/page-subjects";
import { baseLocale } from "@/lib/i18n/locales";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { optOutAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Guest.optOut");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * A guest's own opt-out page, reached from the link in an SMS footer: no sign-in, one button. Opening the link
 * changes nothing (link scanners and previews open links too); pressing the button withdraws consent. In the
 * guest's language (their contact's, else their browser's: lib/i18n/request-locale.ts), with a switch.
 */
export default async function OptOutPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const [found, settings, t, locale] = await Promise.all([
    optOutOf(token),
    getRestaurantSettings(db),
    getTranslations("Guest.optOut"),
    getLocale(),
  ]);
  if (!found) notFound();
  const restaurant = settings.name;
  const path = `/o/${encodeURIComponent(token)}`;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6">
      <div className="w-full max-w-sm space-y-5 rounded-xl border bg-card p-6 text-center shadow-sm">
        {found.withdrawn ? (
          <>
            <CheckCircle2 className="mx-auto size-10 text-success" aria-hidden />
            <h1 className="text-xl font-semibold">{t("doneTitle")}</h1>
            <p data-testid="opt-out-done">{t("done", { restaurant })}</p>
            <p className="text-sm text-muted-foreground">{t("doneNote")}</p>
          </>
        ) : (
          <>
            <MessageSquareOff className="mx-auto size-10 text-muted-foreground" aria-hidden />
            <h1 className="text-xl font-semibold">{t("askTitle", { restaurant })}</h1>
            <p className="text-sm text-muted-foreground">{t("askBody")}</p>
            <form action={optOutAction}>
              <input type="hidden" name="token" value={token} />
              {/* The language the guest chose stays after the button: the confirmation reads in it too. */}
              <input type="hidden" name="lang" value={baseLocale(locale)} />
              <Button type="submit" size="lg" className="h-auto min-h-10 w-full whitespace-normal">
                {t("confirm")}
              </Button>
            </form>
          </>
        )}
      </div>
      <GuestLanguageSwitch path={path} />
    </main>
  );
}
