/** `remaining_unit`: thousands separator ",", two decimals only when fractional (e.g. "2,350", "12.50"). */
export function formatUnits(units: number): string {
  return Number.isInteger(units)
    ? units.toLocaleString("en-US")
    : units.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** PHP "jS M y, g:i A" in a timezone, e.g. "31st Dec 25, 11:59 PM". */
export function formatExpiry(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "2-digit",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const day = Number(get("day"));
  return `${day}${ordinal(day)} ${get("month")} ${get("year")}, ${get("hour")}:${get("minute")} ${get("dayPeriod").toUpperCase()}`;
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return "th";
  return ["th", "st", "nd", "rd"][day % 10] ?? "th";
}
