"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type ScheduleValue = { mode: "now" } | { mode: "later"; localDateTime: string; expireAfterMinutes: number | null };

/** Send now, or at a date and time in the restaurant's zone (with an optional "too late, don't send" limit). */
export function SchedulePicker({
  value,
  onChange,
  timeZone,
  quietHours,
  usesCpsms,
}: {
  value: ScheduleValue;
  onChange: (v: ScheduleValue) => void;
  timeZone: string;
  quietHours: string;
  usesCpsms: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">When</legend>
      <div className="flex flex-wrap gap-2">
        {(["now", "later"] as const).map((mode) => (
          <label key={mode} className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
            <input
              type="radio"
              name={`${id}-when`}
              checked={value.mode === mode}
              onChange={() => onChange(mode === "now" ? { mode } : { mode, localDateTime: "", expireAfterMinutes: null })}
              className="accent-[var(--primary)]"
            />
            {mode === "now" ? "Send now" : "Schedule"}
          </label>
        ))}
      </div>
      {value.mode === "later" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-at`}>Date and time ({timeZone})</Label>
            <Input id={`${id}-at`} type="datetime-local" value={value.localDateTime} onChange={(e) => onChange({ ...value, localDateTime: e.target.value })} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-expire`}>Don&apos;t send if more than … minutes late</Label>
            <Input
              id={`${id}-expire`}
              type="number"
              min={5}
              max={1440}
              inputMode="numeric"
              placeholder="Always send"
              value={value.expireAfterMinutes ?? ""}
              onChange={(e) => onChange({ ...value, expireAfterMinutes: e.target.value ? Number(e.target.value) : null })}
            />
          </div>
        </div>
      )}
      <p className="text-xs text-muted-foreground">
        Promotions are not sent during quiet hours ({quietHours}).
        {value.mode === "later" && usesCpsms && " CPSMS holds scheduled messages itself; they can be cancelled until 10 minutes before the send time."}
      </p>
    </fieldset>
  );
}
