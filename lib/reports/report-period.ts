// The periods an automation's report can cover (pure: used by the page and the CSV route to read the URL).

export const REPORT_PERIODS = [30, 90, 365] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const DEFAULT_REPORT_PERIOD: ReportPeriod = 30;

/** The period asked for in the URL (`?days=90`), or the default for anything else. */
export function parseReportPeriod(value: string | string[] | null | undefined): ReportPeriod {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return REPORT_PERIODS.find((p) => p === n) ?? DEFAULT_REPORT_PERIOD;
}

/** The start of a period ending at `now`. */
export function periodStart(now: Date, days: ReportPeriod): Date {
  return new Date(now.getTime() - days * 24 * 3600_000);
}
