"use client";

import { format as formatDate } from "date-fns";
import { CalendarDays } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useId, useState } from "react";
import { DayPicker } from "react-day-picker";
import { da, enGB } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

// A date and a 24-hour time that read the same whatever the browser's locale: the date in the page's language
// (a calendar), the time typed as HH:MM. The value keeps a datetime-local input's shape, "YYYY-MM-DDTHH:MM" in
// the restaurant's wall-clock time (parsed on the server by parseLocalDateTime), or "" while incomplete.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "16:30", "16.30", "1630", "9:05" → "16:30" / "09:05"; null when it isn't a time of day. */
export function parseTimeText(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:[:.]?(\d{2}))\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** A calendar day "YYYY-MM-DD" as a local Date at midnight (the calendar's own day, no zone involved). */
function dayDate(day: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

type Formatter = ReturnType<typeof useFormatter>;

/** A wall-clock "YYYY-MM-DDTHH:MM" spelled out in the page's language ("Thu 3 Dec 2026, 12:00"), or null. */
export function formatWallClock(format: Formatter, value: string): string | null {
  const moment = wallClock(value);
  return moment
    ? format.dateTime(moment, {
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
      })
    : null;
}

/** A wall-clock time of day "HH:MM" in the page's language ("16:30" / "16.30"); as given when it isn't one. */
export function formatWallTime(format: Formatter, time: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return time;
  return format.dateTime(new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))), {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
}

/** A wall-clock "YYYY-MM-DDTHH:MM" as a Date in UTC with those fields (format it with timeZone "UTC"). */
function wallClock(value: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return date;
}

/** A time of day typed as HH:MM, 24-hour, whatever the browser's locale. */
export function TimeField({
  id,
  value,
  onChange,
  className,
  ...props
}: {
  id: string;
  /** "HH:MM", or what was typed while it isn't one yet. */
  value: string;
  onChange: (value: string) => void;
} & Omit<React.ComponentProps<"input">, "value" | "onChange" | "id">) {
  const t = useTranslations("Compose.dateTime");
  const [text, setText] = useState(value);
  const invalid = text.trim() !== "" && parseTimeText(text) === null;
  return (
    <Input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t("timePlaceholder")}
      maxLength={5}
      value={text}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseTimeText(e.target.value) ?? "");
      }}
      onBlur={(e) => {
        const time = parseTimeText(e.target.value);
        if (time) setText(time);
      }}
      className={cn("w-24 tabular-nums", className)}
      {...props}
    />
  );
}

/**
 * A date (calendar in a popover, in the page's language) and a time (HH:MM), labelled "Date" and "Time" inside
 * a group named by `label`; below it the chosen moment spelled out in the page's language.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  spelledTestId,
  labelClassName,
}: {
  /** The whole field's name, e.g. "Date and time (Europe/Copenhagen)". */
  label: string;
  /** "YYYY-MM-DDTHH:MM" in the restaurant's wall-clock time, or "". */
  value: string;
  onChange: (value: string) => void;
  spelledTestId?: string;
  labelClassName?: string;
}) {
  const id = useId();
  const t = useTranslations("Compose.dateTime");
  const format = useFormatter();
  const locale = useLocale();
  const initial = LOCAL_DATE_TIME.exec(value);
  const [day, setDay] = useState(initial ? value.slice(0, 10) : "");
  const [time, setTime] = useState(initial ? value.slice(11, 16) : "");
  const [open, setOpen] = useState(false);

  const emit = (nextDay: string, nextTime: string) => onChange(nextDay && nextTime ? `${nextDay}T${nextTime}` : "");
  const selected = dayDate(day);
  const spelled = formatWallClock(format, value);
  const dayText = selected
    ? format.dateTime(new Date(Date.UTC(selected.getFullYear(), selected.getMonth(), selected.getDate())), {
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      })
    : null;

  return (
    <fieldset aria-describedby={`${id}-spelled`} className="min-w-0 space-y-1.5">
      <legend className={cn("mb-1.5 text-sm leading-none font-medium", labelClassName)}>{label}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <span id={`${id}-date-label`} className="block text-xs text-muted-foreground">
            {t("date")}
          </span>
          <Popover.Root open={open} onOpenChange={setOpen}>
            <Popover.Trigger asChild>
              <Button
                type="button"
                variant="outline"
                id={`${id}-date`}
                aria-labelledby={`${id}-date-label ${id}-date`}
                data-testid="date-time-date"
                className={cn("h-10 min-w-44 justify-start font-normal", !selected && "text-muted-foreground")}
              >
                <CalendarDays aria-hidden />
                {dayText ?? t("pickDate")}
              </Button>
            </Popover.Trigger>
            <Popover.Portal>
              <Popover.Content
                data-testid="date-time-calendar"
                align="start"
                sideOffset={4}
                className="z-50 rounded-md border bg-popover p-2 text-popover-foreground shadow-md"
              >
                <DayPicker
                  mode="single"
                  required
                  autoFocus
                  locale={locale.startsWith("da") ? da : enGB}
                  weekStartsOn={1}
                  style={
                    {
                      "--rdp-accent-color": "var(--primary)",
                      "--rdp-accent-background-color": "var(--accent)",
                    } as React.CSSProperties
                  }
                  selected={selected}
                  defaultMonth={selected}
                  onSelect={(date) => {
                    if (!date) return;
                    const next = formatDate(date, "yyyy-MM-dd");
                    setDay(next);
                    emit(next, time);
                    setOpen(false);
                  }}
                />
              </Popover.Content>
            </Popover.Portal>
          </Popover.Root>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-time`} className="block text-xs text-muted-foreground">
            {t("time")}
          </label>
          <TimeField
            id={`${id}-time`}
            value={time}
            onChange={(next) => {
              setTime(next);
              emit(day, next);
            }}
          />
        </div>
      </div>
      <p id={`${id}-spelled`} className="text-xs text-muted-foreground" data-testid={spelledTestId}>
        {spelled ?? t("pickDayAndTime")}
      </p>
    </fieldset>
  );
}
