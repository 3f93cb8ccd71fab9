import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { amountText } from "@/lib/i18n/amount";
import { smsappMessageByUid } from "@/lib/sms/smsapp/history";
import { ProviderError } from "../../provider-error";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("History.smsappMessage");
  return { title: t("title") };
}

type Props = { params: Promise<{ uid: string }> };

export default async function SmsappMessagePage({ params }: Props) {
  await requireUser();
  const { uid } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(uid)) notFound();
  const db = getDb();
  const [result, t, tUnits, format] = await Promise.all([
    smsappMessageByUid(db, uid),
    getTranslations("History.smsappMessage"),
    getTranslations("Units"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/history/smsapp" className="underline underline-offset-4">
          {t("back")}
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
              {t("live", {
                at: format.dateTime(result.checkedAt, "momentSeconds"),
                state: result.message.status.state,
              })}
            </p>
            <dl className="grid gap-2 sm:grid-cols-2">
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">{t("to")}</dt>
                <dd className="font-mono">{result.message.to}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">{t("from")}</dt>
                <dd>{result.message.from ?? "—"}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">{t("rawStatus")}</dt>
                <dd className="font-mono break-all">{result.message.status.raw}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">{t("cost")}</dt>
                <dd>
                  {result.message.cost === null ? "—" : amountText(tUnits, format, result.message.cost, "smsapp")}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-28 text-muted-foreground">{t("ours")}</dt>
                <dd>
                  {result.ourId ? (
                    <Link href={`/history/${result.ourId}`} className="underline underline-offset-4">
                      {t("ourMessage", { id: result.ourId })}
                    </Link>
                  ) : (
                    t("notOurs")
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
