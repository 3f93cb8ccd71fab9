import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatAmount } from "@/lib/format/amount";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { smsappMessageByUid } from "@/lib/sms/smsapp/history";
import { formatInZone, MOMENT_SECONDS_FORMAT } from "@/lib/time/zoned";
import { ProviderError } from "../../provider-error";

export const metadata: Metadata = { title: "smsapp.pk message" };

type Props = { params: Promise<{ uid: string }> };

const STATE_TEXT = {
  delivered: "Delivered (or, without a gateway id, accepted by the gateway)",
  failed: "Failed",
  pending: "Still on its way",
  unknown: "Status not recognised",
} as const;

export default async function SmsappMessagePage({ params }: Props) {
  await requireUser();
  const { uid } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(uid)) notFound();
  const db = getDb();
  const [result, settings] = await Promise.all([smsappMessageByUid(db, uid), getRestaurantSettings(db)]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/history/smsapp" className="underline underline-offset-4">
          ← smsapp.pk history
        </Link>
      </p>
      {!result.ok ? (
        <ProviderError provider="smsapp.pk" error={result} />
      ) : (
        <Card>
          <CardContent className="space-y-3 text-sm" data-testid="smsapp-message">
            <div className="flex flex-wrap items-center gap-3">
              <h2 className="font-mono text-lg font-semibold">{result.message.uid}</h2>
              <Badge
                variant={
                  result.message.status.state === "failed"
                    ? "destructive"
                    : result.message.status.state === "delivered"
                      ? "success"
                      : "secondary"
                }
              >
                {result.message.status.label || "—"}
              </Badge>
            </div>
            <p className="text-muted-foreground">
              Live from smsapp.pk, checked {formatInZone(result.checkedAt, settings.timeZone, MOMENT_SECONDS_FORMAT)}:{" "}
              {STATE_TEXT[result.message.status.state]}.
            </p>
            <dl className="grid gap-2 sm:grid-cols-2">
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">To</dt>
                <dd className="font-mono">{result.message.to}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">From</dt>
                <dd>{result.message.from ?? "—"}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">Raw status</dt>
                <dd className="font-mono break-all">{result.message.status.raw}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">Cost</dt>
                <dd>{result.message.cost === null ? "—" : formatAmount(result.message.cost, "smsapp")}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">Ours</dt>
                <dd>
                  {result.ourId ? (
                    <Link href={`/history/${result.ourId}`} className="underline underline-offset-4">
                      Message {result.ourId}
                    </Link>
                  ) : (
                    "Not one of our campaign messages (or sent in bulk)"
                  )}
                </dd>
              </div>
            </dl>
            <p className="rounded-md border p-3 whitespace-pre-wrap">{result.message.message}</p>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
