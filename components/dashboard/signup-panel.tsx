import { QrCode } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SignupFigures, SignupSourceRow, SignupStats } from "@/lib/signup/signup-stats";

const SETTINGS_HREF = "/settings/signup";

/**
 * Sign-ups per source over the dashboard's 30 days: page views (scans), sign-ups and how many of them the guest
 * confirmed, as a list that reads on a phone (the name, then its four figures). Before anyone ever signed up, how
 * to start instead. `canManage`: the viewer may open Settings > Sign-up (managers and owners).
 */
export function SignupPanel({ stats, canManage }: { stats: SignupStats; canManage: boolean }) {
  const t = useTranslations("Home.signups");
  const empty = !stats.anySignups && stats.totals.scans === 0;
  return (
    <section aria-labelledby="signups-heading" className="space-y-3" data-testid="signup-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id="signups-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        {canManage && !empty ? (
          <Link
            href={SETTINGS_HREF}
            className="text-sm underline underline-offset-4"
            data-testid="signup-settings-link"
          >
            {t("settingsLink")}
          </Link>
        ) : null}
      </div>
      {empty ? (
        <div className="flex items-start gap-3 rounded-lg border border-dashed p-4 text-sm" data-testid="signup-empty">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <QrCode className="size-5" aria-hidden />
          </span>
          <div className="min-w-0 space-y-2">
            <p className="font-medium">{t("empty.title")}</p>
            <p className="text-muted-foreground">{canManage ? t("empty.manager") : t("empty.staff")}</p>
            {canManage ? (
              <Button asChild size="sm" variant="outline">
                <Link href={SETTINGS_HREF} data-testid="signup-settings-link">
                  {t("empty.action")}
                </Link>
              </Button>
            ) : null}
          </div>
        </div>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">{t("period", { days: stats.days })}</p>
          <ul className="divide-y rounded-lg border" data-testid="signup-sources">
            <SourceLine name={t("allSources")} figures={stats.totals} testId="signup-totals" strong />
            {stats.rows.map((r) => (
              <SourceLine
                key={r.key}
                name={rowName(t, r)}
                figures={r}
                archived={r.archived}
                testId="signup-source"
                sourceKey={r.key}
              />
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">{t("note")}</p>
        </>
      )}
    </section>
  );
}

type T = ReturnType<typeof useTranslations<"Home.signups">>;

function rowName(t: T, r: SignupSourceRow): string {
  if (r.kind === "direct") return t("direct");
  if (r.kind === "removed") return t("removed");
  return r.name ?? "";
}

/** One source's name and its four figures; the labels repeat per line so a phone needs no table header. */
function SourceLine(props: {
  name: string;
  figures: SignupFigures;
  testId: string;
  sourceKey?: string;
  archived?: boolean;
  strong?: boolean;
}) {
  const t = useTranslations("Home.signups");
  const format = useFormatter();
  const { figures: f } = props;
  const cells: [string, string, string][] = [
    ["scans", t("scans"), format.number(f.scans, "amount")],
    ["signups", t("signups"), format.number(f.signups, "amount")],
    ["confirmed", t("confirmed"), format.number(f.confirmed, "amount")],
    ["rate", t("rate"), f.rate === null ? "—" : format.number(f.rate, "percent")],
  ];
  return (
    <li
      className={`grid gap-2 p-3 text-sm sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4 ${props.strong ? "bg-muted/40" : ""}`}
      data-testid={props.testId}
      data-source={props.sourceKey}
    >
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <span className={props.strong ? "font-semibold" : "font-medium break-words"}>{props.name}</span>
        {props.archived ? <Badge variant="outline">{t("archived")}</Badge> : null}
      </div>
      <dl className="grid grid-cols-4 gap-2 sm:w-96 sm:text-right">
        {cells.map(([id, label, value]) => (
          <div key={id} className="min-w-0">
            <dt className="truncate text-xs text-muted-foreground">{label}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`signup-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
