import { Ticket } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** A mangled, forged or unknown offer link: the same plain page for all three (in the browser's language). */
export default async function OfferNotFound() {
  const t = await getTranslations("Guest.offer");
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-4 rounded-xl border bg-card p-6 text-center shadow-sm">
        <Ticket className="mx-auto size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
        <p className="text-sm text-muted-foreground">{t("notFoundBody")}</p>
      </div>
    </main>
  );
}
