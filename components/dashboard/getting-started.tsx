import { ArrowRight, Check } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import type { UserRole } from "@/drizzle/schema";
import { hasRole } from "@/lib/auth/roles";
import { gettingStarted } from "@/lib/dashboard/getting-started";
import { getDb } from "@/lib/db";
import { cn } from "@/lib/utils";

/**
 * A new restaurant's first steps, shown first on the dashboard with how many are done, until all are; then it
 * is gone. Steps the viewer's role can't do say who does them instead of linking to a page they can't open.
 */
export async function GettingStarted({ role }: { role: UserRole }) {
  const { steps, done, total, complete } = await gettingStarted(getDb());
  if (complete) return null;
  const t = await getTranslations("Home.gettingStarted");
  return (
    <section aria-labelledby="getting-started-heading" data-testid="getting-started">
      <Card className="gap-4">
        <CardHeader>
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h2 id="getting-started-heading" className="text-lg leading-none font-semibold">
              {t("heading")}
            </h2>
            <p className="text-sm text-muted-foreground" data-testid="getting-started-progress">
              {t("progress", { done, total })}
            </p>
          </div>
          <CardDescription>{t("description")}</CardDescription>
          <ProgressBar value={(done / total) * 100} label={t("progressLabel", { done, total })} className="mt-2" />
        </CardHeader>
        <CardContent>
          <ol className="divide-y">
            {steps.map((step, i) => {
              const allowed = hasRole(role, step.role);
              return (
                <li
                  key={step.key}
                  className="flex gap-3 py-3 first:pt-0 last:pb-0"
                  data-testid={`setup-step-${step.key}`}
                  data-done={step.done}
                >
                  <span
                    aria-hidden
                    className={cn(
                      "mt-0.5 grid size-6 shrink-0 place-items-center rounded-full border text-xs font-medium tabular-nums",
                      step.done ? "border-primary bg-primary text-primary-foreground" : "text-muted-foreground",
                    )}
                  >
                    {step.done ? <Check className="size-3.5" /> : i + 1}
                  </span>
                  <div className="min-w-0 flex-1 space-y-0.5">
                    <p
                      className={cn(
                        "text-sm font-medium",
                        step.done && "text-muted-foreground line-through decoration-muted-foreground/50",
                      )}
                    >
                      {!step.done && allowed ? (
                        <Link
                          href={step.href}
                          className="group inline-flex items-center gap-1 rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                        >
                          {t(`steps.${step.key}.title`)}
                          <ArrowRight
                            className="size-4 text-primary transition-transform group-hover:translate-x-0.5"
                            aria-hidden
                          />
                        </Link>
                      ) : (
                        t(`steps.${step.key}.title`)
                      )}
                      <span className="sr-only">{step.done ? t("done") : t("toDo")}</span>
                    </p>
                    {step.done ? null : (
                      <p className="text-sm text-muted-foreground">
                        {t(`steps.${step.key}.description`)}
                        {allowed ? "" : ` ${t(`whoDoes.${step.role}`)}`}
                      </p>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </CardContent>
      </Card>
    </section>
  );
}
