import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { deviceLabel } from "@/lib/auth/device-label";
import type { ActiveSession } from "@/lib/auth/user-sessions";
import { formatInZone } from "@/lib/time/zoned";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

/** Where this account is signed in, with the current device marked, and the way to end them all. */
export function SessionsCard({
  sessions,
  currentId,
  timeZone,
}: {
  sessions: ActiveSession[];
  currentId: string | null;
  timeZone: string;
}) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle className="text-base">Signed-in devices</CardTitle>
        <CardDescription>
          Don&apos;t recognise one, or left yourself signed in somewhere? Sign out everywhere.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul aria-label="Signed-in devices" className="divide-y rounded-md border">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm">
              <div className="min-w-0">
                <div className="font-medium">
                  {deviceLabel(s.userAgent)}
                  {s.id === currentId ? (
                    <Badge variant="secondary" className="ml-2 align-middle">
                      This device
                    </Badge>
                  ) : null}
                </div>
                <div className="text-muted-foreground">
                  Signed in {formatInZone(s.createdAt, timeZone)}
                  {s.clientAddress ? ` from ${s.clientAddress}` : ""}
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
