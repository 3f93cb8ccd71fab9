import { TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { joinUrl } from "@/lib/signup/join-links";
import { listSources } from "@/lib/signup/manage-sources";
import { qrPath } from "@/lib/signup/qr";
import { getSignupSettings } from "@/lib/signup/signup-settings";
import { defaultSignupWording } from "@/lib/signup/signup-wording";
import { signupSettingsForm } from "@/lib/validation/signup";
import { CreateSourceForm } from "./create-source-form";
import { SignupSettingsForm } from "./signup-settings-form";
import { type SignupLink, SourceCard } from "./source-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings.signup");
  return { title: t("title") };
}

export default async function SignupSettingsPage() {
  await requireUser({ role: "manager" });
  const db = getDb();
  const [settings, restaurant, sources] = await Promise.all([
    getSignupSettings(db),
    getRestaurantSettings(db),
    listSources(db),
  ]);
  const defaults = Object.fromEntries(
    await Promise.all(GUEST_LOCALES.map(async (l) => [l, await defaultSignupWording(l, restaurant.name)] as const)),
  ) as Record<GuestLocale, string>;
  const t = await getTranslations("Settings.signup");
  const links: SignupLink[] = [
    { id: null, slug: null, name: t("sources.plain") },
    ...sources.map((s) => ({ id: s.id, slug: s.slug, name: s.name })),
  ].map((link) => {
    const url = joinUrl(link.slug);
    return { ...link, url, qr: qrPath(url) };
  });

  return (
    <div className="max-w-3xl space-y-10">
      <section aria-labelledby="signup-links-heading" className="space-y-4">
        <div>
          <h2 id="signup-links-heading" className="text-lg font-semibold">
            {t("sources.heading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("sources.intro")}</p>
        </div>
        {/* A printed code that points at this machine is useless to a guest, and ink can't be taken back. */}
        {env().PUBLIC_URL ? null : (
          <Alert variant="warning" data-testid="join-links-local">
            <TriangleAlert />
            <AlertTitle>{t("sources.localOnlyTitle")}</AlertTitle>
            <AlertDescription>{t("sources.localOnly", { url: joinUrl(null) })}</AlertDescription>
          </Alert>
        )}
        <ul aria-label={t("sources.list")} className="grid grid-cols-1 gap-3">
          {links.map((link) => (
            <SourceCard key={link.id ?? "plain"} link={link} />
          ))}
        </ul>
        <CreateSourceForm />
      </section>
      <SignupSettingsForm initial={signupSettingsForm(settings)} defaults={defaults} />
    </div>
  );
}
