import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { deviceParts } from "@/lib/auth/device-label";
import type { ActiveSession } from "@/lib/auth/user-sessions";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

/** Where this account is signed in, with the current device marked, and the way to end them all. */
export async function SessionsCard({ sessions, currentId }: { sessions: ActiveSession[]; currentId: string | null }) {
  const [t, format] = await Promise.all([getTranslations("Account.sessions"), getFormatter()]);
  const device = (userAgent: string | null) => {
    const { browser, system } = deviceParts(userAgent);
    if (browser && system) return t("browserOnSystem", { browser, system });
    return browser ?? system ?? t("unknownDevice");
  };
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul aria-label={t("list")} className="divide-y rounded-md border">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm">
              <div className="min-w-0">
                <div className="font-medium">
                  {device(s.userAgent)}
                  {s.id === currentId ? (
                    <Badge variant="secondary" className="ml-2 align-middle">
                      {t("thisDevice")}
                    </Badge>
                  ) : null}
                </div>
                <div className="text-muted-foreground">
                  {s.clientAddress
                    ? t("signedInFrom", { at: format.dateTime(s.createdAt, "moment"), address: s.clientAddress })
                    : t("signedIn", { at: format.dateTime(s.createdAt, "moment") })}
                </div>
              </div>
            </li>
          ))}
        </ul>
        <SignOutEverywhereButton />
      </CardContent>
    </Card>
  );
}
