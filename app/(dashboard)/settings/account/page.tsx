import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentSessionId, requireUser } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/user-sessions";
import { getDb } from "@/lib/db";
import { ChangePasswordForm } from "./change-password-form";
import { LanguageCard } from "./language-card";
import { MyPhoneCard } from "./my-phone-card";
import { SessionsCard } from "./sessions-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const db = getDb();
  const [sessions, currentId, t, tAuth] = await Promise.all([
    listActiveSessions(db, user.id),
    currentSessionId(),
    getTranslations("Account"),
    getTranslations("Auth"),
  ]);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("profile.title")}</CardTitle>
          <CardDescription>{t("profile.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-muted-foreground">{t("profile.name")}</dt>
              <dd className="font-medium">{user.name}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("profile.email")}</dt>
              <dd className="font-medium break-all">{user.email}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("profile.role")}</dt>
              <dd className="font-medium">{tAuth(`roles.${user.role}`)}</dd>
              <dd className="text-muted-foreground">{tAuth(`roleDescriptions.${user.role}`)}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("password.title")}</CardTitle>
          <CardDescription>{t("password.description")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {user.mustChangePassword ? (
            <Alert variant="warning">
              <AlertTitle>{t("password.mustChangeTitle")}</AlertTitle>
              <AlertDescription>{t("password.mustChangeDescription")}</AlertDescription>
            </Alert>
          ) : null}
          <ChangePasswordForm required={user.mustChangePassword} />
        </CardContent>
      </Card>
      <LanguageCard current={user.locale} />
      {user.mustChangePassword ? null : <MyPhoneCard userId={user.id} />}
      <SessionsCard sessions={sessions} currentId={currentId} />
    </div>
  );
}
