"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatWallClock, formatWallTime } from "@/components/date-time/date-time-field";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import type { ProviderName } from "@/lib/sms/types";
import type { ScheduleValue } from "./schedule-picker";

/** The last word before a send: how many guests, through which providers, when. Opens only after every check passed. */
export function ConfirmSendDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  verb: string;
  total: number;
  providers: ProviderName[];
  schedule: ScheduleValue;
  timeZone: string;
  onConfirm: () => void;
}) {
  const { schedule, total, timeZone } = props;
  const t = useTranslations("Compose.confirm");
  const tCommon = useTranslations("Common");
  const format = useFormatter();
  const values = {
    count: total,
    providers: format.list(
      props.providers.map((p) => PROVIDER_LABELS[p]),
      { type: "conjunction" },
    ),
    hasProviders: props.providers.length ? "yes" : "no",
    timeZone,
  };
  const at = schedule.mode === "later" ? formatWallClock(format, schedule.localDateTime) : null;
  return (
    <AlertDialog open={props.open} onOpenChange={props.onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("title", { verb: props.verb })}</AlertDialogTitle>
          <AlertDialogDescription>
            {schedule.mode === "weekly"
              ? t("weekly", { ...values, time: formatWallTime(format, schedule.time) })
              : at
                ? t("later", { ...values, at })
                : t("now", values)}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{tCommon("back")}</AlertDialogCancel>
          <AlertDialogAction onClick={props.onConfirm}>{props.verb}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
