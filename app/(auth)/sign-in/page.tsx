import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/logo";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { SIGN_IN_MESSAGES } from "@/lib/auth/sign-in-errors";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth.signIn");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);

  // Messages arrive in the URL from the plain POST flow (?error=CredentialsSignin&code=...) or a redirect.
  const code = first(params.code) ?? first(params.reason);
  const noticeKey =
    (code ? SIGN_IN_MESSAGES[code] : first(params.error) ? SIGN_IN_MESSAGES.invalid : undefined) ?? null;
  const notice = noticeKey ? await localizeMessage(noticeKey) : null;
  const t = await getTranslations("Auth.signIn");

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Logo />
        </div>
        <div className="rounded-xl border bg-card p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
          <ClientMessages area="signIn">
            <SignInForm callbackUrl={callbackUrl} notice={notice} />
          </ClientMessages>
        </div>
        <p className="mt-6 text-center text-xs text-muted-foreground">{t("forgotPassword")}</p>
      </div>
    </main>
  );
}

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}
