"use client";

import { CalendarDays, X } from "lucide-react";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type FirstUseTrigger, OnFirstUse } from "@/components/ui/on-first-use";
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

/** A local Date's calendar day as "YYYY-MM-DD" (date-fns' "yyyy-MM-dd", without loading date-fns). */
export function dayText(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
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

/** A calendar day "YYYY-MM-DD" spelled out in the page's language ("Fri 27 Nov 2026"), or null. */
export function spellDay(format: Formatter, day: string): string | null {
  const date = dayDate(day);
  if (!date || dayText(date) !== day) return null;
  return format.dateTime(new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

const loadCalendar = () => import("./calendar");

/**
 * The calendar (react-day-picker, its locales and styles) is fetched when a calendar first opens, or as soon as
 * the pointer or focus reaches a date button, so no page ships it for its first paint.
 */
const Calendar = dynamic(loadCalendar, {
  loading: () => <div className="h-[19rem] w-[19.25rem]" aria-busy="true" />,
});

const loadPopover = () =>
  Promise.all([import("./calendar-popover"), loadCalendar()]).then(([m]) => ({ default: m.CalendarPopover }));

/** The calendar's popover around a trigger button (calendar-popover.tsx), loaded when first reached for. */
function CalendarPopover(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: FirstUseTrigger;
  children: React.ReactNode;
}) {
  return (
    <OnFirstUse load={loadPopover} props={props} trigger={props.trigger} onOpen={() => props.onOpenChange(true)} />
  );
}

/**
 * A calendar day picked in a calendar (a button that opens it), the same in every browser and in the page's
 * language. `value` is "YYYY-MM-DD" or ""; with `name` a hidden input carries it in a form.
 */
export function DateField({
  id,
  value,
  onChange,
  name,
  placeholder,
  className,
  ...aria
}: {
  id: string;
  value: string;
  onChange: (day: string) => void;
  name?: string;
  /** What the button says while no day is chosen (default "Pick a date"). */
  placeholder?: string;
  className?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
}) {
  const t = useTranslations("Compose.dateTime");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const selected = dayDate(value);
  const spelled = spellDay(format, value);
  return (
    <>
      <CalendarPopover
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button
            type="button"
            variant="outline"
            id={id}
            data-testid="date-time-date"
            className={cn("h-10 min-w-44 justify-start font-normal", !spelled && "text-muted-foreground", className)}
            {...aria}
          >
            <CalendarDays aria-hidden />
            <span className="truncate">{spelled ?? placeholder ?? t("pickDate")}</span>
          </Button>
        }
      >
        <Calendar
          mode="single"
          selected={selected}
          defaultMonth={selected}
          onSelect={(date) => {
            onChange(dayText(date));
            setOpen(false);
          }}
        />
      </CalendarPopover>
      {name ? <input type="hidden" name={name} value={value} readOnly /> : null}
    </>
  );
}

/**
 * Several calendar days ("YYYY-MM-DD" each, sorted), picked in one calendar: click a day to add it, again to
 * take it off. The chosen days show spelled out in the page's language, each with a button to remove it.
 */
export function DateListField({
  label,
  value,
  onChange,
  hint,
  labelClassName,
}: {
  label: string;
  value: readonly string[];
  onChange: (days: string[]) => void;
  hint?: string;
  labelClassName?: string;
}) {
  const id = useId();
  const t = useTranslations("Compose.dateTime");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const days = value.filter((d) => dayDate(d));
  const selected = days.map((d) => dayDate(d)!);
  const set = (next: string[]) => onChange([...new Set(next)].sort());
  return (
    <fieldset className="min-w-0 space-y-1.5" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className={cn("mb-1.5 text-sm leading-none font-medium", labelClassName)}>{label}</legend>
      <div className="flex flex-wrap items-center gap-1.5">
        {value.map((day) => (
          <span
            key={day}
            data-day={day}
            className="inline-flex items-center gap-1 rounded-md border bg-muted/40 py-0.5 pr-0.5 pl-2 text-sm"
          >
            {spellDay(format, day) ?? day}
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-6"
              aria-label={t("removeDay", { day: spellDay(format, day) ?? day })}
              onClick={() => set(value.filter((d) => d !== day))}
            >
              <X aria-hidden />
            </Button>
          </span>
        ))}
        <CalendarPopover
          open={open}
          onOpenChange={setOpen}
          trigger={
            <Button type="button" variant="outline" size="sm" data-testid="date-time-date" className="font-normal">
              <CalendarDays aria-hidden />
              {t("addDays")}
            </Button>
          }
        >
          <Calendar
            mode="multiple"
            selected={selected}
            defaultMonth={selected[0]}
            onSelect={(dates) => set([...(dates ?? []).map(dayText), ...value.filter((d) => !dayDate(d))])}
          />
        </CalendarPopover>
      </div>
      <input type="hidden" value={value.join(", ")} data-testid="date-list-value" readOnly />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </fieldset>
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
  const initial = LOCAL_DATE_TIME.exec(value);
  const [day, setDay] = useState(initial ? value.slice(0, 10) : "");
  const [time, setTime] = useState(initial ? value.slice(11, 16) : "");

  const emit = (nextDay: string, nextTime: string) => onChange(nextDay && nextTime ? `${nextDay}T${nextTime}` : "");
  const spelled = formatWallClock(format, value);

  return (
    <fieldset aria-describedby={`${id}-spelled`} className="min-w-0 space-y-1.5">
      <legend className={cn("mb-1.5 text-sm leading-none font-medium", labelClassName)}>{label}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <span id={`${id}-date-label`} className="block text-xs text-muted-foreground">
            {t("date")}
          </span>
          <DateField
            id={`${id}-date`}
            aria-labelledby={`${id}-date-label ${id}-date`}
            value={day}
            onChange={(next) => {
              setDay(next);
              emit(next, time);
            }}
          />
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
