import type { Metadata } from "next";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";
import { currentSessionId, requireUser } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/user-sessions";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ChangePasswordForm } from "./change-password-form";
import { LanguageCard } from "./language-card";
import { MyPhoneCard } from "./my-phone-card";
import { SessionsCard } from "./sessions-card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const db = getDb();
  const [sessions, currentId, settings] = await Promise.all([
    listActiveSessions(db, user.id),
    currentSessionId(),
    getRestaurantSettings(db),
  ]);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Your account</CardTitle>
          <CardDescription>Ask the owner to change your name, email or role.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-muted-foreground">Name</dt>
              <dd className="font-medium">{user.name}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Email</dt>
              <dd className="font-medium break-all">{user.email}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Role</dt>
              <dd className="font-medium">{ROLE_LABELS[user.role]}</dd>
              <dd className="text-muted-foreground">{ROLE_DESCRIPTIONS[user.role]}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Change password</CardTitle>
          <CardDescription>Changing it signs you out on every other device.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {user.mustChangePassword ? (
            <Alert variant="warning">
              <AlertTitle>Choose your own password</AlertTitle>
              <AlertDescription>
                You signed in with a temporary password. Choose a new one to continue using the dashboard.
              </AlertDescription>
            </Alert>
          ) : null}
          <ChangePasswordForm required={user.mustChangePassword} />
        </CardContent>
      </Card>
      <LanguageCard current={user.locale} />
      {user.mustChangePassword ? null : <MyPhoneCard userId={user.id} />}
      <SessionsCard sessions={sessions} currentId={currentId} timeZone={settings.timeZone} />
    </div>
  );
}
