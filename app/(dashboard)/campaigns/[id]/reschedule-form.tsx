"use client";

import { CalendarClock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateTimeField } from "@/components/date-time/date-time-field";
import { Button } from "@/components/ui/button";
import { useAction } from "@/lib/actions/use-action";
import { rescheduleCampaignAction } from "../actions";

/** Moves a scheduled campaign to another time (CPSMS-held ones only until its 10-minute lock). */
export function RescheduleForm({
  campaignId,
  current,
  timeZone,
}: {
  campaignId: string;
  current: string;
  timeZone: string;
}) {
  const t = useTranslations("Campaigns.reschedule");
  const [value, setValue] = useState(current);
  const { run, pending } = useAction(rescheduleCampaignAction, { success: t("moved") });
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        run({ campaignId, localDateTime: value });
      }}
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <DateTimeField
          label={t("label", { timeZone })}
          labelClassName="text-xs"
          value={value}
          onChange={setValue}
          spelledTestId="reschedule-spelled"
        />
        <Button
          type="submit"
          size="sm"
          variant="outline"
          disabled={pending || !value || value === current}
          className="sm:mt-8"
        >
          <CalendarClock aria-hidden /> {t("submit")}
        </Button>
      </div>
    </form>
  );
}
