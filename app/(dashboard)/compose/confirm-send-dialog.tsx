"use client";

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
  return (
    <AlertDialog open={props.open} onOpenChange={props.onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{props.verb}?</AlertDialogTitle>
          <AlertDialogDescription>
            {total.toLocaleString("en")} guest{total === 1 ? "" : "s"}
            {props.providers.length ? ` through ${props.providers.map((p) => PROVIDER_LABELS[p]).join(" and ")}` : ""}
            {schedule.mode === "weekly"
              ? `, every week at ${schedule.time} (${timeZone}). Each run goes to whoever is in the audience and consenting at that time`
              : schedule.mode === "later" && schedule.localDateTime
                ? `, at ${schedule.localDateTime.replace("T", " ")} (${timeZone}). Each guest gets it once`
                : ", now. Each guest gets it once"}
            .
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Back</AlertDialogCancel>
          <AlertDialogAction onClick={props.onConfirm}>{props.verb}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
