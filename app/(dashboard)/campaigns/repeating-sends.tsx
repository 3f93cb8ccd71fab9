"use client";

import { Pause, Play, Repeat, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { DateListField } from "@/components/date-time/date-time-field";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAction } from "@/lib/actions/use-action";
import { storedText } from "@/lib/campaigns/stored-words";
import { deleteRecurringAction, setRecurringActiveAction, updateSkipDatesAction } from "./actions";

export type RepeatingRow = {
  id: string;
  name: string;
  rule: string;
  next: string | null;
  skipDates: string[];
  active: boolean;
  lastOutcome: string | null;
  audience: string;
};

/** The repeating sends on the campaigns page, with pause/resume, dates to skip and delete for managers. */
export function RepeatingSends({ rows, canManage }: { rows: RepeatingRow[]; canManage: boolean }) {
  const t = useTranslations("Campaigns.repeating");
  return (
    <section id="repeating" aria-labelledby="repeating-title" className="space-y-3">
      <h2 id="repeating-title" className="flex items-center gap-2 text-base font-semibold">
        <Repeat className="size-4" aria-hidden /> {t("title")}
      </h2>
      <ul className="grid gap-3 md:grid-cols-2">
        {rows.map((row) => (
          <RepeatingCard key={row.id} row={row} canManage={canManage} />
        ))}
      </ul>
    </section>
  );
}

function RepeatingCard({ row, canManage }: { row: RepeatingRow; canManage: boolean }) {
  const t = useTranslations("Campaigns.repeating");
  const tCommon = useTranslations("Common");
  const tAll = useTranslations();
  const format = useFormatter();
  const [skip, setSkip] = useState<string[]>(row.skipDates);
  // Each action revalidates /campaigns, so the card re-renders with the new state.
  const saveSkip = useAction(updateSkipDatesAction, { success: t("skipSaved") });
  const toggle = useAction(setRecurringActiveAction, {
    success: (_data, { active }) => (active ? t("startedAgain") : t("stoppedToast")),
  });
  const remove = useAction(deleteRecurringAction, { success: t("deleted") });
  const pending = saveSkip.pending || toggle.pending || remove.pending;

  return (
    <li className="space-y-2 rounded-xl border bg-card p-4 shadow-xs" data-testid="repeating-send">
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="font-medium">{row.name}</p>
          <p className="text-sm text-muted-foreground">
            {row.rule} · {row.audience}
          </p>
        </div>
        <Badge variant={row.active ? "default" : "secondary"}>{row.active ? t("active") : t("stopped")}</Badge>
      </div>
      <p className="text-sm">{row.active && row.next ? t("next", { when: row.next }) : t("noRun")}</p>
      {row.lastOutcome && (
        <p className="text-xs text-muted-foreground">
          {t("lastRun", { outcome: storedText(tAll, format, row.lastOutcome) })}
        </p>
      )}
      {canManage && (
        <div className="space-y-2 border-t pt-2">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="min-w-0 flex-1">
              <DateListField label={t("skipLabel")} labelClassName="text-xs" value={skip} onChange={setSkip} />
            </div>
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={() => saveSkip.run({ id: row.id, skipDates: skip })}
            >
              {t("saveDates")}
            </Button>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              onClick={() => toggle.run({ id: row.id, active: !row.active })}
            >
              {row.active ? <Pause aria-hidden /> : <Play aria-hidden />} {row.active ? t("stop") : t("startAgain")}
            </Button>
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button size="sm" variant="outline" disabled={pending}>
                  <Trash2 aria-hidden /> {tCommon("delete")}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>{t("deleteTitle", { name: row.name })}</AlertDialogTitle>
                  <AlertDialogDescription>{t("deleteDescription")}</AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>{t("keep")}</AlertDialogCancel>
                  <AlertDialogAction onClick={() => remove.run({ id: row.id })}>{tCommon("delete")}</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          </div>
        </div>
      )}
    </li>
  );
}
