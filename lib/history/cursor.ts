/** Keyset cursor: the last row's listed_at in microseconds since the epoch (exact) and its id. */
export type Cursor = { us: string; id: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.us}.${c.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  // At most 16 digits of microseconds (until the year 2286) and a safe-integer id: a forged cursor beyond those
  // would overflow timestamp or bigint in Postgres and fail the page.
  const m = /^(-?\d{1,16})\.(\d{1,15})$/.exec(Buffer.from(value, "base64url").toString());
  return m ? { us: m[1]!, id: Number(m[2]) } : null;
}
