"use client";

import { CalendarClock } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { formatLocalDateTime } from "@/lib/time/zoned";
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
  const id = useId();
  const [value, setValue] = useState(current);
  const { run, pending } = useAction(rescheduleCampaignAction, { success: "Moved to the new time." });
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        run({ campaignId, localDateTime: value });
      }}
    >
      <Label htmlFor={`${id}-at`} className="text-xs">
        Send time ({timeZone})
      </Label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Input
          id={`${id}-at`}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={`${id}-spelled`}
          className="sm:w-auto"
        />
        <Button type="submit" size="sm" variant="outline" disabled={pending || value === current}>
          <CalendarClock aria-hidden /> Change time
        </Button>
      </div>
      <p id={`${id}-spelled`} className="text-xs text-muted-foreground" data-testid="reschedule-spelled">
        {formatLocalDateTime(value) ?? "Pick a day and time"}
      </p>
    </form>
  );
}
