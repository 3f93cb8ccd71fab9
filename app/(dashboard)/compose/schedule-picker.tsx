"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type ProviderName, providerInfo } from "@/lib/sms/providers";
import { formatLocalDateTime } from "@/lib/time/zoned";

export type ScheduleValue =
  | { mode: "now" }
  | { mode: "later"; localDateTime: string; expireAfterMinutes: number | null }
  | { mode: "weekly"; weekdays: number[]; time: string; skipDates: string[]; expireAfterMinutes: number | null };

/** Monday first, as restaurants plan their week; values are JavaScript's (0 = Sunday). */
const WEEKDAYS = [
  [1, "Mon"],
  [2, "Tue"],
  [3, "Wed"],
  [4, "Thu"],
  [5, "Fri"],
  [6, "Sat"],
  [0, "Sun"],
] as const;

/** Send now, or at a date and time in the restaurant's zone (with an optional "too late, don't send" limit). */
/** "CPSMS holds scheduled messages itself; they can be cancelled until 10 minutes before the send time." */
function heldByNote(provider: ProviderName): string {
  const info = providerInfo(provider);
  return `${info.shortLabel} holds scheduled messages itself; they can be cancelled until ${(info.cancelLockMs ?? 0) / 60_000} minutes before the send time.`;
}

export function SchedulePicker({
  value,
  onChange,
  timeZone,
  quietHours,
  heldBy,
  canRepeat,
}: {
  value: ScheduleValue;
  onChange: (v: ScheduleValue) => void;
  timeZone: string;
  quietHours: string;
  /** The provider that will hold these messages until their time (CPSMS), if any. */
  heldBy: ProviderName | null;
  /** Managers and owners may set up repeating sends. */
  canRepeat: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">When</legend>
      <div className="flex flex-wrap gap-2">
        {(canRepeat ? (["now", "later", "weekly"] as const) : (["now", "later"] as const)).map((mode) => (
          <label
            key={mode}
            className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5"
          >
            <input
              type="radio"
              name={`${id}-when`}
              checked={value.mode === mode}
              onChange={() =>
                onChange(
                  mode === "now"
                    ? { mode }
                    : mode === "later"
                      ? { mode, localDateTime: "", expireAfterMinutes: null }
                      : { mode, weekdays: [5], time: "16:00", skipDates: [], expireAfterMinutes: 60 },
                )
              }
              className="accent-[var(--primary)]"
            />
            {mode === "now" ? "Send now" : mode === "later" ? "Schedule" : "Repeat weekly"}
          </label>
        ))}
      </div>
      {value.mode === "later" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-at`}>Date and time ({timeZone})</Label>
            <Input
              id={`${id}-at`}
              type="datetime-local"
              value={value.localDateTime}
              onChange={(e) => onChange({ ...value, localDateTime: e.target.value })}
              aria-describedby={`${id}-at-spelled`}
            />
            <p id={`${id}-at-spelled`} className="text-xs text-muted-foreground" data-testid="schedule-spelled">
              {formatLocalDateTime(value.localDateTime) ?? "Pick a day and time"}
            </p>
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
              onChange={(e) =>
                onChange({ ...value, expireAfterMinutes: e.target.value ? Number(e.target.value) : null })
              }
            />
          </div>
        </div>
      )}
      {value.mode === "weekly" && <WeeklyFields value={value} onChange={onChange} timeZone={timeZone} id={id} />}
      <p className="text-xs text-muted-foreground">
        Promotions are not sent during quiet hours ({quietHours}, in each guest&apos;s own time zone).
        {value.mode === "later" && heldBy && ` ${heldByNote(heldBy)}`}
      </p>
    </fieldset>
  );
}

function WeeklyFields({
  value,
  onChange,
  timeZone,
  id,
}: {
  value: Extract<ScheduleValue, { mode: "weekly" }>;
  onChange: (v: ScheduleValue) => void;
  timeZone: string;
  id: string;
}) {
  const toggle = (day: number) =>
    onChange({
      ...value,
      weekdays: value.weekdays.includes(day) ? value.weekdays.filter((d) => d !== day) : [...value.weekdays, day],
    });
  return (
    <div className="space-y-3">
      <fieldset aria-label="Days" className="flex min-w-0 flex-wrap gap-1.5">
        {WEEKDAYS.map(([day, label]) => (
          <button
            key={day}
            type="button"
            aria-pressed={value.weekdays.includes(day)}
            onClick={() => toggle(day)}
            className="h-9 min-w-12 rounded-md border px-2 text-sm aria-pressed:border-primary aria-pressed:bg-primary aria-pressed:text-primary-foreground"
          >
            {label}
          </button>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-time`}>Time ({timeZone})</Label>
          <Input
            id={`${id}-time`}
            type="time"
            value={value.time}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-late`}>Skip a run more than … minutes late</Label>
          <Input
            id={`${id}-late`}
            type="number"
            min={5}
            max={1440}
            inputMode="numeric"
            value={value.expireAfterMinutes ?? ""}
            onChange={(e) => onChange({ ...value, expireAfterMinutes: e.target.value ? Number(e.target.value) : null })}
          />
        </div>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-skip`}>Dates to skip</Label>
        <Input
          id={`${id}-skip`}
          placeholder="2026-12-24, 2026-12-31"
          defaultValue={value.skipDates.join(", ")}
          onBlur={(e) => onChange({ ...value, skipDates: parseDateList(e.target.value) })}
        />
        <p className="text-xs text-muted-foreground">Holidays and closures, as YYYY-MM-DD separated by commas.</p>
      </div>
    </div>
  );
}

/** "2026-12-24, 2026-12-31" → ["2026-12-24", "2026-12-31"]; anything else is kept so the server names it. */
export function parseDateList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
