import { CheckCircle2, MessageSquareOff } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { findOptOut } from "@/lib/consent/opt-out";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { optOutAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

/**
 * A guest's own opt-out page, reached from the link in an SMS footer: no sign-in, one button. Opening the link
 * changes nothing (link scanners and previews open links too); pressing the button withdraws consent.
 */
export default async function OptOutPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const [found, settings] = await Promise.all([findOptOut(db, token), getRestaurantSettings(db)]);
  if (!found) notFound();
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-5 rounded-xl border bg-card p-6 text-center shadow-sm">
        {found.withdrawn ? (
          <>
            <CheckCircle2 className="mx-auto size-10 text-success" aria-hidden />
            <h1 className="text-xl font-semibold">You are unsubscribed</h1>
            <p data-testid="opt-out-done">You will not receive marketing texts from {settings.name}.</p>
            <p className="text-sm text-muted-foreground">
              Reservation reminders and other messages you ask for still reach you.
            </p>
          </>
        ) : (
          <>
            <MessageSquareOff className="mx-auto size-10 text-muted-foreground" aria-hidden />
            <h1 className="text-xl font-semibold">Stop marketing texts from {settings.name}?</h1>
            <p className="text-sm text-muted-foreground">
              You will no longer receive offers and news by SMS from us. It takes effect at once.
            </p>
            <form action={optOutAction}>
              <input type="hidden" name="token" value={token} />
              <Button type="submit" size="lg" className="w-full">
                Yes, unsubscribe me
              </Button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
