import { LinkIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** An unknown or mistyped sign-up link (a source that does not exist): say so plainly, with a way forward (in the browser's language). */
export default async function JoinNotFound() {
  const t = await getTranslations("Guest.join.notFound");
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-4 rounded-xl border bg-card p-6 text-center shadow-sm">
        <LinkIcon className="mx-auto size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("body")}</p>
      </div>
    </main>
  );
}
