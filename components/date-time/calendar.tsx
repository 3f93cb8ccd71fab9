"use client";

import { useLocale } from "next-intl";
import { DayPicker } from "react-day-picker";
import { da, enGB } from "react-day-picker/locale";
import "react-day-picker/style.css";

// The calendar itself (react-day-picker with its locales, styles and date-fns), loaded only when a date field's
// calendar opens (date-time-field.tsx): no page needs it for its first paint.

const CALENDAR_STYLE = {
  "--rdp-accent-color": "var(--primary)",
  "--rdp-accent-background-color": "var(--accent)",
} as React.CSSProperties;

type Common = { defaultMonth?: Date };

/** A calendar in the page's language, weeks from Monday, focused on its selected (or today's) day. */
export default function Calendar(
  props: Common &
    (
      | { mode: "single"; selected: Date | undefined; onSelect: (date: Date) => void }
      | { mode: "multiple"; selected: Date[]; onSelect: (dates: Date[] | undefined) => void }
    ),
) {
  const locale = useLocale().startsWith("da") ? da : enGB;
  const shared = {
    autoFocus: true,
    locale,
    weekStartsOn: 1 as const,
    style: CALENDAR_STYLE,
    defaultMonth: props.defaultMonth,
  };
  return props.mode === "single" ? (
    <DayPicker {...shared} mode="single" required selected={props.selected} onSelect={props.onSelect} />
  ) : (
    <DayPicker {...shared} mode="multiple" selected={props.selected} onSelect={props.onSelect} />
  );
}
