/** A calendar day written yyyy-mm-dd (a date input's value) as a date at midnight UTC; null if it isn't one. */
export function dayAsDate(day: string | undefined): Date | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m) return null;
  // A day has no zone: read (and later write) it in UTC so no offset can move it to the day before or after.
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const same =
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3]);
  return same ? date : null;
}
