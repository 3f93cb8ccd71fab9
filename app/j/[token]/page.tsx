import { CheckCircle2, Clock, MessageSquareHeart } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { GuestLanguageSwitch } from "@/components/guest/guest-language-switch";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { signupLinkOf } from "@/lib/guest-pages/page-subjects";
import { baseLocale } from "@/lib/i18n/locales";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { confirmSignupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Guest.confirm");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The confirmation link from the double opt-in text. Opening it changes nothing (link previews and scanners
 * open links too); the guest's press on the button confirms. Says plainly when the link has expired, with the
 * way back (sign up again).
 */
export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const [link, restaurant, t, locale] = await Promise.all([
    signupLinkOf(token),
    getRestaurantSettings(db),
    getTranslations("Guest.confirm"),
    getLocale(),
  ]);
  if (!link) notFound();
  const values = { restaurant: restaurant.name };
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6">
      <div className="w-full max-w-sm space-y-5 rounded-xl border bg-card p-6 text-center shadow-sm">
        {link.state === "confirmed" ? (
          <>
            <CheckCircle2 className="mx-auto size-10 text-success" aria-hidden />
            <h1 className="text-xl font-semibold">{t("doneTitle")}</h1>
            <p data-testid="signup-confirmed">{t("done", values)}</p>
            <p className="text-sm text-muted-foreground">{t("doneNote")}</p>
          </>
        ) : link.state === "expired" ? (
          <>
            <Clock className="mx-auto size-10 text-muted-foreground" aria-hidden />
            <h1 className="text-xl font-semibold">{t("expiredTitle")}</h1>
            <p data-testid="signup-expired">{t("expired")}</p>
            <Button asChild size="lg" className="w-full">
              <a href="/join">{t("joinAgain")}</a>
            </Button>
          </>
        ) : (
          <>
            <MessageSquareHeart className="mx-auto size-10 text-muted-foreground" aria-hidden />
            <h1 className="text-xl font-semibold">{t("askTitle", values)}</h1>
            <p className="text-sm text-muted-foreground">{t("askBody", values)}</p>
            <form action={confirmSignupAction}>
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="lang" value={baseLocale(locale)} />
              <Button type="submit" size="lg" className="h-auto min-h-11 w-full whitespace-normal">
                {t("confirm")}
              </Button>
            </form>
          </>
        )}
      </div>
      <GuestLanguageSwitch path={`/j/${encodeURIComponent(token)}`} />
    </main>
  );
}
