"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { DateListField, DateTimeField, TimeField } from "@/components/date-time/date-time-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type ProviderName, providerInfo } from "@/lib/sms/providers";

export type ScheduleValue =
  | { mode: "now" }
  | { mode: "later"; localDateTime: string; expireAfterMinutes: number | null }
  | { mode: "weekly"; weekdays: number[]; time: string; skipDates: string[]; expireAfterMinutes: number | null };

/** Monday first, as restaurants plan their week; values are JavaScript's (0 = Sunday). */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** Send now, or at a date and time in the restaurant's zone (with an optional "too late, don't send" limit). */

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
  const t = useTranslations("Compose.schedule");
  const held = heldBy ? providerInfo(heldBy) : null;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{t("legend")}</legend>
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
            {t(`modes.${mode}`)}
          </label>
        ))}
      </div>
      {value.mode === "later" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <DateTimeField
            label={t("dateTimeLabel", { timeZone })}
            value={value.localDateTime}
            onChange={(localDateTime) => onChange({ ...value, localDateTime })}
            spelledTestId="schedule-spelled"
          />
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-expire`}>{t("expireLabel")}</Label>
            <Input
              id={`${id}-expire`}
              type="number"
              min={5}
              max={1440}
              inputMode="numeric"
              placeholder={t("expirePlaceholder")}
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
        {t("quietHoursNote", { quietHours })}
        {value.mode === "later" &&
          held &&
          ` ${t("heldByNote", { provider: held.shortLabel, minutes: (held.cancelLockMs ?? 0) / 60_000 })}`}
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
  const t = useTranslations("Compose.schedule");
  const tDays = useTranslations("Compose.weekdays");
  const toggle = (day: number) =>
    onChange({
      ...value,
      weekdays: value.weekdays.includes(day) ? value.weekdays.filter((d) => d !== day) : [...value.weekdays, day],
    });
  return (
    <div className="space-y-3">
      <fieldset aria-label={t("daysLabel")} className="flex min-w-0 flex-wrap gap-1.5">
        {WEEKDAYS.map((day) => (
          <button
            key={day}
            type="button"
            aria-pressed={value.weekdays.includes(day)}
            onClick={() => toggle(day)}
            className="h-9 min-w-12 rounded-md border px-2 text-sm aria-pressed:border-primary aria-pressed:bg-primary aria-pressed:text-primary-foreground"
          >
            {tDays(`d${day}`)}
          </button>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-time`}>{t("timeLabel", { timeZone })}</Label>
          <TimeField id={`${id}-time`} value={value.time} onChange={(time) => onChange({ ...value, time })} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-late`}>{t("lateLabel")}</Label>
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
      <DateListField
        label={t("skipLabel")}
        hint={t("skipHint")}
        value={value.skipDates}
        onChange={(skipDates) => onChange({ ...value, skipDates })}
      />
    </div>
  );
}
